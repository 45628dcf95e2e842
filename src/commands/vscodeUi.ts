import * as vscode from 'vscode';
import type { CommandContext } from './context';
import type {
  Choice, Confirmation, ManageCommand, ManageUi, ProgressPlace, ProgressReport,
} from './manageContext';
import { showMessageWithLog } from './showError';

const VIEW_ID = 'ankaRegistry.registries';

/** The template commands' UI in VS Code: quick picks, modal dialogs, progress, messages. */
export function vscodeUi(log: vscode.LogOutputChannel): ManageUi {
  return {
    async pick<T>(choices: Choice<T>[], title: string, placeHolder: string) {
      const picked = await vscode.window.showQuickPick(choices, {
        title,
        placeHolder,
        matchOnDescription: true,
        ignoreFocusOut: true,
      });
      return picked?.value;
    },
    async confirm({ message, detail, button }: Confirmation) {
      const options = { modal: true, detail };
      const choice = await vscode.window.showWarningMessage(message, options, button);
      return choice === button;
    },
    progress: async (place, title, task) => withProgress(place, title, task),
    info(message: string) {
      void vscode.window.showInformationMessage(message);
    },
    error(message: string) {
      void showMessageWithLog(log, message);
    },
    async copy(text: string, notice: string) {
      await vscode.env.clipboard.writeText(text);
      log.info(`Copied to the clipboard: ${text}`);
      void vscode.window.showInformationMessage(notice);
    },
  };
}

function location(place: ProgressPlace): vscode.ProgressOptions['location'] {
  switch (place) {
    case 'view':
      return { viewId: VIEW_ID };
    case 'window':
      return vscode.ProgressLocation.Window;
    case 'notification':
      return vscode.ProgressLocation.Notification;
  }
}

function withProgress<T>(
  place: ProgressPlace,
  title: string,
  task: (report: ProgressReport) => Promise<T>,
): Thenable<T> {
  const cancellable = place === 'notification';
  return vscode.window.withProgress(
    { location: location(place), title, cancellable },
    async (progress, token) => {
      const controller = new AbortController();
      const subscription = token.onCancellationRequested(() => controller.abort());
      let reported = 0;
      try {
        return await task({
          signal: controller.signal,
          step: (message, fraction) => {
            const increment = Math.max(0, fraction - reported) * 100;
            reported = Math.max(reported, fraction);
            progress.report({ message, increment });
          },
        });
      } finally {
        subscription.dispose();
      }
    },
  );
}

/** Adapts a template command to the command table in index.ts. */
export function withManageUi(command: ManageCommand) {
  return (context: CommandContext, ...args: unknown[]): Promise<void> =>
    command(
      {
        model: context.model,
        log: context.log,
        ui: vscodeUi(context.log),
        selection: () => context.treeView.selection,
      },
      ...args,
    );
}
