import * as vscode from 'vscode';
import { describeError } from '../registry';
import { isCliError, progressMessage, type CliEnvelope, type TransferOptions } from '../cli';
import type { CommandContext } from './context';
import { showMessageWithLog } from './showError';

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
      progress.report({ message: vscode.l10n.t('cancelling…') });
      controller.abort();
    });
    progress.report({ message: vscode.l10n.t('starting the anka CLI…') });
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

/** What a transfer's end is told with: whole sentences, and the transfer in English for the log. */
export interface TransferWords {
  success: string;
  /** "Pull of sequoia · ssh cancelled; the anka CLI has stopped.", as the CLI stopped or not. */
  cancelled(stopped: boolean): string;
  /** "Pull of sequoia · ssh from Local", for the log. */
  log: string;
}

/** Tells the user how a transfer ended: success, cancellation (once the CLI is gone), failure. */
export function reportTransfer(
  context: CommandContext,
  outcome: Outcome,
  words: TransferWords,
): TransferResult {
  if (outcome.status === 'ok') {
    context.log.info(`${words.log}: done`);
    void vscode.window.showInformationMessage(words.success);
    return { status: 'ok', message: words.success };
  }
  if (outcome.status === 'cancelled') {
    const message = outcome.stopped
      ? words.cancelled(true)
      : `${words.cancelled(false)} ${vscode.l10n.t('Check for a running anka process.')}`;
    const stopped = outcome.stopped ? 'the CLI stopped' : 'the CLI did not stop within 2 s';
    context.log.warn(`${words.log}: cancelled; ${stopped}`);
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
  void showMessageWithLog(context.log, message);
}
