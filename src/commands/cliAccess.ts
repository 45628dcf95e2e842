import * as os from 'node:os';
import * as vscode from 'vscode';
import {
  AnkaCli, isCliError, locateAnka, registryOptions, type AnkaLocation, type CliRegistry,
} from '../cli';
import type { RegistryNode, TreeNode } from '../tree/nodes';
import { cliAuthOf } from './cliAuth';
import type { CommandContext } from './context';

/** One AnkaCli per executable, so its probe runs once. */
const clis = new Map<string, AnkaCli>();

export type TransferKind = 'pull' | 'push';

/**
 * The anka CLI from `ankaRegistry.ankaPath`, the PATH or its install path; where there is none,
 * says so plainly (push and pull need a Mac with Anka) and returns undefined.
 */
export async function requireAnkaCli(
  context: CommandContext,
  kind: TransferKind,
  clicked?: TreeNode,
): Promise<AnkaCli | undefined> {
  const configured = vscode.workspace.getConfiguration('ankaRegistry').get<string>('ankaPath');
  const location = await locateAnka({ configuredPath: configured });
  if (location.found) {
    let cli = clis.get(location.path);
    if (!cli) {
      cli = new AnkaCli(location.path, context.log);
      clis.set(location.path, cli);
    }
    return cli;
  }
  context.log.warn(`No anka CLI: ${location.reason} (looked at ${location.tried.join(', ')})`);
  void showCliMissing(kind, location, clicked);
  return undefined;
}

async function showCliMissing(
  kind: TransferKind,
  location: Extract<AnkaLocation, { found: false }>,
  clicked: TreeNode | undefined,
): Promise<void> {
  const verb = kind === 'pull' ? 'Pulling' : 'Pushing';
  const where = location.tried.length === 1 && location.reason.includes('ankaPath')
    ? `${location.reason[0]?.toUpperCase()}${location.reason.slice(1)}.`
    : `The anka CLI is not installed on this machine (${platformName()}).`;
  const message =
    `${verb} templates needs the Anka CLI. ${where} Push and pull run on a Mac with Anka ` +
    'installed, also through Remote-SSH to a Mac build node.';
  const copy = 'Copy Pull Command';
  const settings = 'Open Settings';
  const actions = kind === 'pull' ? [copy, settings] : [settings];
  const choice = await vscode.window.showWarningMessage(message, ...actions);
  if (choice === copy) {
    const node = clicked?.kind === 'tag' || clicked?.kind === 'template' ? clicked : undefined;
    await vscode.commands.executeCommand('ankaRegistry.copyPullCommand', node).then(undefined, () =>
      vscode.window.showErrorMessage('Copy Pull Command is not available in this version.'),
    );
  } else if (choice === settings) {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'ankaRegistry.ankaPath');
  }
}

function platformName(): string {
  const names: Partial<Record<NodeJS.Platform, string>> = {
    darwin: 'a Mac without Anka',
    linux: 'Linux',
    win32: 'Windows',
  };
  return names[os.platform()] ?? os.platform();
}

/**
 * The registry as the CLI gets it: its URL and auth options (secrets from SecretStorage).
 * Undefined, after saying why, when the CLI cannot use the registry's auth (a root token).
 */
export async function cliRegistryFor(
  context: CommandContext,
  node: RegistryNode,
  operation: string,
): Promise<CliRegistry | undefined> {
  const { name, url } = node.entry;
  try {
    const secrets = await context.secrets.get(node.entry);
    const registry: CliRegistry = { name, url, auth: cliAuthOf(node.entry, secrets, operation) };
    registryOptions(registry, operation);
    return registry;
  } catch (error) {
    if (!isCliError(error)) {
      throw error;
    }
    context.log.error(error.message);
    void vscode.window.showErrorMessage(error.message, 'Show Log').then((choice) => {
      if (choice === 'Show Log') {
        context.log.show();
      }
    });
    return undefined;
  }
}
