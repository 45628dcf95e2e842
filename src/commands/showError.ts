import * as vscode from 'vscode';
import { describeError } from '../registry';

/** Shows a failure with a "Show Log" button and logs it; resolves when the message is closed. */
export async function showErrorWithLog(
  log: vscode.LogOutputChannel,
  error: unknown,
): Promise<void> {
  const message = describeError(error);
  log.error(message);
  await showMessageWithLog(log, message);
}

/**
 * Shows a message (an error unless said otherwise) with a "Show Log" button that opens the log;
 * the caller has logged what went wrong. Resolves when the message is closed.
 */
export async function showMessageWithLog(
  log: vscode.LogOutputChannel,
  message: string,
  severity: 'error' | 'warning' = 'error',
): Promise<void> {
  const showLog = vscode.l10n.t('Show Log');
  const choice = severity === 'error'
    ? await vscode.window.showErrorMessage(message, showLog)
    : await vscode.window.showWarningMessage(message, showLog);
  if (choice === showLog) {
    log.show();
  }
}
