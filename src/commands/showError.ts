import * as vscode from 'vscode';
import { describeError } from '../registry';

/** Shows a failure with a "Show Log" button and logs it; resolves when the message is closed. */
export async function showErrorWithLog(
  log: vscode.LogOutputChannel,
  error: unknown,
): Promise<void> {
  const message = describeError(error);
  log.error(message);
  const choice = await vscode.window.showErrorMessage(message, 'Show Log');
  if (choice === 'Show Log') {
    log.show();
  }
}
