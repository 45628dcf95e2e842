import * as vscode from 'vscode';

/** Runs one registry call under a cancellable notification; undefined when cancelled. */
export function withCancellableProgress<T>(
  title: string,
  work: (signal: AbortSignal) => Promise<T>,
): Thenable<T | undefined> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    async (_progress, token) => {
      const controller = new AbortController();
      const subscription = token.onCancellationRequested(() => controller.abort());
      try {
        return await work(controller.signal);
      } catch (error) {
        if (token.isCancellationRequested) {
          return undefined;
        }
        throw error;
      } finally {
        subscription.dispose();
      }
    },
  );
}
