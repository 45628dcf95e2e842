import * as vscode from 'vscode';
import { describeError, isRegistryError, type ApiKey, type RegistryClient } from '../registry';
import type { AuthKind } from '../registry/auth';
import type { RegistryEntry } from '../tree/nodes';
import { describeKeyDates, isExpired } from './apiKeys/apiKeyText';
import { createApiKey } from './apiKeys/createApiKey';
import { keyActions } from './apiKeys/keyActions';
import { withCancellableProgress } from './apiKeys/withProgress';
import type { CommandContext } from './context';
import { pickRegistry } from './pickers';
import { registryFromArgument } from './signIn/saveRegistry';

/** Why the registry refused to list the keys, for a registry that signs in with `auth`. */
function needsRootToken(name: string, auth: AuthKind): string {
  const needs = vscode.l10n.t('Managing API keys needs the registry\'s root token.');
  switch (auth) {
    case 'none':
      return `${needs} ${vscode.l10n.t('"{0}" signs in with nothing.', name)}`;
    case 'apiKey':
      return `${needs} ${vscode.l10n.t('"{0}" signs in with an API key.', name)}`;
    case 'certificate':
      return `${needs} ${vscode.l10n.t('"{0}" signs in with a client certificate.', name)}`;
    case 'rootToken':
      return '';
  }
}

/**
 * Lists a registry's API keys and creates, changes or deletes them; the registry allows this with
 * its root token only.
 */
export async function manageApiKeys(context: CommandContext, arg?: unknown): Promise<void> {
  const registry = registryFromArgument(context, arg) ??
    (await pickRegistry(context.model, vscode.l10n.t('Manage API Keys')));
  if (!registry) {
    return;
  }
  const { entry } = registry;
  const client = context.connections.createClient(entry);
  try {
    for (;;) {
      const keys = await loadKeys(context, client, entry);
      const picked = keys && (await pickKey(entry, keys));
      if (!keys || !picked) {
        return;
      }
      if (picked === 'create') {
        await createApiKey(context, client, entry, keys);
      } else {
        await keyActions(context, client, entry, picked);
      }
    }
  } finally {
    void client.close();
  }
}

async function loadKeys(
  context: CommandContext,
  client: RegistryClient,
  entry: RegistryEntry,
): Promise<ApiKey[] | undefined> {
  try {
    const title = vscode.l10n.t('Reading the API keys of "{0}"…', entry.name);
    return await withCancellableProgress(title, (signal) =>
      client.listApiKeys(undefined, { signal }));
  } catch (error) {
    await showKeysError(context, entry, error);
    return undefined;
  }
}

async function showKeysError(context: CommandContext, entry: RegistryEntry, error: unknown) {
  const unauthorized = isRegistryError(error) && error.kind === 'unauthorized';
  const hint = unauthorized ? needsRootToken(entry.name, entry.auth ?? 'none') : '';
  const described = describeError(error);
  context.log.error(described);
  const message = hint ? `${described} ${hint}` : described;
  const showLog = vscode.l10n.t('Show Log');
  const signIn = vscode.l10n.t('Sign In Again');
  const actions = unauthorized ? [signIn, showLog] : [showLog];
  const choice = await vscode.window.showErrorMessage(message, ...actions);
  if (choice === showLog) {
    context.log.show();
  } else if (choice === signIn) {
    await vscode.commands.executeCommand('ankaRegistry.signInAgain', entry.name);
  }
}

async function pickKey(
  entry: RegistryEntry,
  keys: ApiKey[],
): Promise<ApiKey | 'create' | undefined> {
  const create = { label: `$(add) ${vscode.l10n.t('Create API Key...')}`, key: 'create' as const };
  const items = [
    create,
    {
      label: keys.length === 0 ? vscode.l10n.t('No API keys yet') : vscode.l10n.t('Keys'),
      kind: vscode.QuickPickItemKind.Separator,
    },
    ...keys.map((key) => ({
      label: `${isExpired(key) ? '$(warning)' : '$(key)'} ${key.id}`,
      description: key.groups.length > 0 ? key.groups.join(', ') : vscode.l10n.t('no groups'),
      detail: describeKeyDates(key),
      key,
    })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Manage API Keys: {0}', entry.name),
    placeHolder: keys.length === 1
      ? vscode.l10n.t('1 API key; choose one to change or delete it')
      : vscode.l10n.t('{0} API keys; choose one to change or delete it', keys.length),
    matchOnDescription: true,
  });
  return picked && 'key' in picked ? picked.key : undefined;
}
