import * as vscode from 'vscode';
import { describeError } from '../registry';
import { isCliError, progressMessage, type CliEnvelope, type TransferOptions } from '../cli';
import type { CommandContext } from './context';

/** How a push or pull ended; the commands return it, which the tests read. */
export type TransferResult =
  | { status: 'ok'; message: string }
  | { status: 'cancelled'; message: string }
  | { status: 'failed'; message: string; error: unknown }
  /** The user stopped before anything ran. */
  | { status: 'declined'; message: string };

type Outcome =
  | { status: 'ok'; envelope: CliEnvelope }
  | { status: 'cancelled'; stopped: boolean }
  | { status: 'failed'; error: unknown };

/**
 * Runs one transfer in a cancellable notification titled `title`: the CLI's percentages move the
 * bar (in increments, as VS Code adds them up) and its stage shows as the message. Several
 * transfers can run at once, each in its own notification.
 */
export function runTransfer(
  title: string,
  start: (options: TransferOptions) => Promise<CliEnvelope>,
): Thenable<Outcome> {
  const options = { location: vscode.ProgressLocation.Notification, title, cancellable: true };
  return vscode.window.withProgress(options, async (progress, token) => {
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => {
      progress.report({ message: 'cancelling…' });
      controller.abort();
    });
    progress.report({ message: 'starting the anka CLI…' });
    try {
      const envelope = await start({
        signal: controller.signal,
        onProgress: (event) => {
          const increment = event.kind === 'progress' && event.increment > 0 ? event.increment : 0;
          progress.report({ increment, message: progressMessage(event) });
        },
      });
      return { status: 'ok' as const, envelope };
    } catch (error) {
      if (isCliError(error) && error.kind === 'cancelled') {
        return { status: 'cancelled' as const, stopped: error.stopped !== false };
      }
      return { status: 'failed' as const, error };
    } finally {
      subscription.dispose();
    }
  });
}

/** Tells the user how a transfer ended: success, cancellation (once the CLI is gone), failure. */
export function reportTransfer(
  context: CommandContext,
  outcome: Outcome,
  /** `what` starts the cancel message: "Pull of sequoia · ssh". */
  words: { success: string; what: string },
): TransferResult {
  if (outcome.status === 'ok') {
    context.log.info(words.success);
    void vscode.window.showInformationMessage(words.success);
    return { status: 'ok', message: words.success };
  }
  if (outcome.status === 'cancelled') {
    const message = outcome.stopped
      ? `${words.what} cancelled; the anka CLI has stopped.`
      : `${words.what} cancelled, but the anka CLI did not stop within 2 seconds; ` +
        'check for a running anka process.';
    context.log.warn(message);
    if (outcome.stopped) {
      void vscode.window.showInformationMessage(message);
    } else {
      void vscode.window.showWarningMessage(message);
    }
    return { status: 'cancelled', message };
  }
  const message = describeError(outcome.error);
  showTransferError(context, message);
  return { status: 'failed', message, error: outcome.error };
}

/** An error message with "Show Log"; the CLI layer has logged the failure already. */
export function showTransferError(context: CommandContext, message: string): void {
  void vscode.window.showErrorMessage(message, 'Show Log').then((choice) => {
    if (choice === 'Show Log') {
      context.log.show();
    }
  });
}
