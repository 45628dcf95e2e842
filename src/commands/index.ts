import * as vscode from 'vscode';
import { addRegistry } from './addRegistry';
import { compareTags, compareWithPrevious } from './compareTags';
import type { CommandContext } from './context';
import { copyPullCommand } from './copyPullCommand';
import { copyTagName } from './copyTagName';
import { copyTemplateId } from './copyTemplateId';
import { deleteTemplate } from './deleteTemplate';
import { editRegistry } from './editRegistry';
import { importFromAnkaCli } from './importFromAnkaCli';
import { LISTING_COMMANDS } from './listingCommands';
import { manageApiKeys } from './manageApiKeys';
import { openConfig } from './openConfig';
import { pull } from './pull';
import { push } from './push';
import { refresh } from './refresh';
import { removeRegistry } from './removeRegistry';
import { revert } from './revert';
import { revertLatest } from './revertLatest';
import { setArch } from './setArch';
import { showDetails } from './showDetails';
import { showErrorWithLog } from './showError';
import { signInAgain } from './signInAgain';
import { withManageUi } from './vscodeUi';

type Handler = (context: CommandContext, ...args: unknown[]) => unknown;

const COMMANDS: Record<string, Handler> = {
  'ankaRegistry.addRegistry': addRegistry,
  'ankaRegistry.removeRegistry': removeRegistry,
  'ankaRegistry.refresh': refresh,
  'ankaRegistry.retry': refresh,
  'ankaRegistry.showLog': (context) => context.log.show(),
  'ankaRegistry.editRegistry': editRegistry,
  'ankaRegistry.signInAgain': signInAgain,
  'ankaRegistry.manageApiKeys': manageApiKeys,
  'ankaRegistry.showDetails': showDetails,
  'ankaRegistry.openConfig': openConfig,
  'ankaRegistry.compareTags': compareTags,
  'ankaRegistry.compareWithPrevious': compareWithPrevious,
  'ankaRegistry.revert': withManageUi(revert),
  'ankaRegistry.revertLatest': withManageUi(revertLatest),
  'ankaRegistry.setArch': withManageUi(setArch),
  'ankaRegistry.deleteTemplate': withManageUi(deleteTemplate),
  'ankaRegistry.copyTemplateId': withManageUi(copyTemplateId),
  'ankaRegistry.copyTagName': withManageUi(copyTagName),
  'ankaRegistry.copyPullCommand': withManageUi(copyPullCommand),
  'ankaRegistry.pull': pull,
  'ankaRegistry.push': push,
  'ankaRegistry.importFromAnkaCli': importFromAnkaCli,
  ...LISTING_COMMANDS,
};

/** Registers every command; a failure ends in an error message with "Show Log", never silence. */
export function registerCommands(context: CommandContext): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, handler]) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await handler(context, ...args);
      } catch (error) {
        context.log.error(`${id} failed`);
        void showErrorWithLog(context.log, error);
        return undefined;
      }
    }),
  );
}
