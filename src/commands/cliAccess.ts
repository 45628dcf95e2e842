import * as os from 'node:os';
import * as vscode from 'vscode';
import {
  AnkaCli, isCliError, locateAnka, registryOptions, type CliRegistry,
} from '../cli';
import type { RegistryNode, TreeNode } from '../tree/nodes';
import { cliAuthOf } from './cliAuth';
import type { CommandContext } from './context';
import { showMessageWithLog } from './showError';

/** One AnkaCli per executable, so its probe runs once. */
const clis = new Map<string, AnkaCli>();

export type TransferKind = 'pull' | 'push';
/** What the CLI is wanted for: a transfer, or reading its own registry list. */
export type CliPurpose = TransferKind | 'import';

const NEEDS_CLI: Record<CliPurpose, () => string> = {
  pull: () => vscode.l10n.t('Pulling templates needs the Anka CLI.'),
  push: () => vscode.l10n.t('Pushing templates needs the Anka CLI.'),
  import: () => vscode.l10n.t('Importing registries needs the Anka CLI.'),
};

/**
 * The anka CLI from `ankaRegistry.ankaPath`, the PATH or its install path; where there is none,
 * says so plainly (push and pull need a Mac with Anka) and returns undefined.
 */
export async function requireAnkaCli(
  context: CommandContext,
  kind: CliPurpose,
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
  void showCliMissing(kind, configured?.trim() ? location.tried[0] : undefined, clicked);
  return undefined;
}

/** `configuredFile`: the file the ankaPath setting names, when it is set. */
async function showCliMissing(
  kind: CliPurpose,
  configuredFile: string | undefined,
  clicked: TreeNode | undefined,
): Promise<void> {
  const where = configuredFile !== undefined
    ? vscode.l10n.t(
      'The setting ankaRegistry.ankaPath points to {0}, which is not an executable.',
      configuredFile,
    )
    : vscode.l10n.t('The anka CLI is not installed on this machine ({0}).', platformName());
  const runs = vscode.l10n.t(
    'The CLI runs on a Mac with Anka installed, also through Remote-SSH to a Mac build node.',
  );
  const message = `${NEEDS_CLI[kind]()} ${where} ${runs}`;
  const copy = vscode.l10n.t('Copy Pull Command');
  const settings = vscode.l10n.t('Open Settings');
  const actions = kind === 'pull' ? [copy, settings] : [settings];
  const choice = await vscode.window.showWarningMessage(message, ...actions);
  if (choice === copy) {
    const node = clicked?.kind === 'tag' || clicked?.kind === 'template' ? clicked : undefined;
    await vscode.commands.executeCommand('ankaRegistry.copyPullCommand', node).then(undefined, () =>
      vscode.window.showErrorMessage(
        vscode.l10n.t('Copy Pull Command is not available in this version.'),
      ),
    );
  } else if (choice === settings) {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'ankaRegistry.ankaPath');
  }
}

function platformName(): string {
  const names: Partial<Record<NodeJS.Platform, string>> = {
    darwin: vscode.l10n.t('a Mac without Anka'),
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
    void showMessageWithLog(context.log, error.message);
    return undefined;
  }
}
