import * as vscode from 'vscode';
import { pluralize } from '../format';
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

const TITLE = 'Manage API Keys';
const SIGNS_IN_WITH: Record<AuthKind, string> = {
  none: 'nothing',
  rootToken: 'the root token',
  apiKey: 'an API key',
  certificate: 'a client certificate',
};

/**
 * Lists a registry's API keys and creates, changes or deletes them; the registry allows this with
 * its root token only.
 */
export async function manageApiKeys(context: CommandContext, arg?: unknown): Promise<void> {
  const registry = registryFromArgument(context, arg) ?? (await pickRegistry(context.model, TITLE));
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
    return await withCancellableProgress(`Reading the API keys of "${entry.name}"…`, (signal) =>
      client.listApiKeys(undefined, { signal }));
  } catch (error) {
    await showKeysError(context, entry, error);
    return undefined;
  }
}

async function showKeysError(context: CommandContext, entry: RegistryEntry, error: unknown) {
  const unauthorized = isRegistryError(error) && error.kind === 'unauthorized';
  const hint = unauthorized && entry.auth !== 'rootToken'
    ? ` Managing API keys needs the registry's root token; "${entry.name}" signs in with `
      + `${SIGNS_IN_WITH[entry.auth ?? 'none']}.`
    : '';
  const message = `${describeError(error)}${hint}`;
  context.log.error(message);
  const actions = unauthorized ? ['Sign In Again', 'Show Log'] : ['Show Log'];
  const choice = await vscode.window.showErrorMessage(message, ...actions);
  if (choice === 'Show Log') {
    context.log.show();
  } else if (choice === 'Sign In Again') {
    await vscode.commands.executeCommand('ankaRegistry.signInAgain', entry.name);
  }
}

async function pickKey(
  entry: RegistryEntry,
  keys: ApiKey[],
): Promise<ApiKey | 'create' | undefined> {
  const create = { label: '$(add) Create API Key...', key: 'create' as const };
  const items = [
    create,
    {
      label: keys.length === 0 ? 'No API keys yet' : 'Keys',
      kind: vscode.QuickPickItemKind.Separator,
    },
    ...keys.map((key) => ({
      label: `${isExpired(key) ? '$(warning)' : '$(key)'} ${key.id}`,
      description: key.groups.length > 0 ? key.groups.join(', ') : 'no groups',
      detail: describeKeyDates(key),
      key,
    })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: `${TITLE}: ${entry.name}`,
    placeHolder: `${pluralize(keys.length, 'API key')}; choose one to change or delete it`,
    matchOnDescription: true,
  });
  return picked && 'key' in picked ? picked.key : undefined;
}
