import * as vscode from 'vscode';
import { addRegistry } from './addRegistry';
import type { CommandContext } from './context';
import { refresh } from './refresh';
import { removeRegistry } from './removeRegistry';
import { showErrorWithLog } from './showError';

type Handler = (context: CommandContext, ...args: unknown[]) => unknown;

const COMMANDS: Record<string, Handler> = {
  'ankaRegistry.addRegistry': addRegistry,
  'ankaRegistry.removeRegistry': removeRegistry,
  'ankaRegistry.refresh': refresh,
  'ankaRegistry.retry': refresh,
  'ankaRegistry.showLog': (context) => context.log.show(),
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
