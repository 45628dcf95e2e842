import * as vscode from 'vscode';
import type { ApiKey, RegistryClient } from '../../registry';
import type { RegistryEntry } from '../../tree/nodes';
import type { CommandContext } from '../context';
import { describeKeyDates, parseGroups, parseTtl, ttlProblem } from './apiKeyText';
import { withCancellableProgress } from './withProgress';

/** Changes the lifetime or the groups of a key, or deletes it after a modal confirmation. */
export async function keyActions(
  context: CommandContext,
  client: RegistryClient,
  entry: RegistryEntry,
  key: ApiKey,
): Promise<void> {
  const title = vscode.l10n.t('API Key "{0}" on "{1}"', key.id, entry.name);
  const actions = [
    {
      label: `$(watch) ${vscode.l10n.t('Change the lifetime...')}`,
      action: 'ttl' as const,
      description: describeKeyDates(key),
    },
    {
      label: `$(organization) ${vscode.l10n.t('Change the groups...')}`,
      action: 'groups' as const,
      description: key.groups.join(', '),
    },
    { label: `$(trash) ${vscode.l10n.t('Delete...')}`, action: 'delete' as const },
  ];
  const picked = await vscode.window.showQuickPick(actions, { title });
  switch (picked?.action) {
    case 'ttl':
      return changeTtl(context, client, entry, key, title);
    case 'groups':
      return changeGroups(context, client, entry, key, title);
    case 'delete':
      return deleteKey(context, client, entry, key);
    default:
      return undefined;
  }
}

async function changeTtl(
  context: CommandContext,
  client: RegistryClient,
  entry: RegistryEntry,
  key: ApiKey,
  title: string,
): Promise<void> {
  const text = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('The new lifetime, counted from now: seconds, or 90d, 12h, 2w, 1y'),
    value: '365d',
    validateInput: ttlProblem,
  });
  const ttl = text === undefined ? undefined : parseTtl(text);
  if (typeof ttl !== 'number') {
    return;
  }
  const done = await withCancellableProgress(
    vscode.l10n.t('Changing the lifetime of "{0}"…', key.id),
    async (signal) => {
      await client.updateApiKey({ id: key.id, ttl }, { signal });
      return true;
    },
  );
  if (done) {
    context.log.info(`Changed the lifetime of API key "${key.id}" on "${entry.name}" to ${ttl} s`);
  }
}

async function changeGroups(
  context: CommandContext,
  client: RegistryClient,
  entry: RegistryEntry,
  key: ApiKey,
  title: string,
): Promise<void> {
  const text = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t(
      'The groups of the key, separated by commas; they replace the current ones',
    ),
    value: key.groups.join(', '),
  });
  if (text === undefined) {
    return;
  }
  const groups = parseGroups(text);
  const done = await withCancellableProgress(
    vscode.l10n.t('Changing the groups of "{0}"…', key.id),
    async (signal) => {
      await client.updateApiKey({ id: key.id, groups }, { signal });
      return true;
    },
  );
  if (done) {
    const list = groups.join(', ') || 'none';
    context.log.info(`Changed the groups of API key "${key.id}" on "${entry.name}" to ${list}`);
  }
}

async function deleteKey(
  context: CommandContext,
  client: RegistryClient,
  entry: RegistryEntry,
  key: ApiKey,
): Promise<void> {
  const users = context.model
    .getRegistries()
    .filter((node) => node.entry.url === entry.url && node.entry.auth === 'apiKey'
      && node.entry.apiKeyId === key.id)
    .map((node) => `"${node.entry.name}"`);
  const lines = [
    vscode.l10n.t('Key: {0}', key.id),
    vscode.l10n.t('Groups: {0}', key.groups.join(', ') || vscode.l10n.t('none')),
    vscode.l10n.t('Registry: {0} ({1})', entry.name, entry.url),
    '',
    users.length > 0
      ? vscode.l10n.t(
        'These registry entries sign in with it and will stop working: {0}.', users.join(', '),
      )
      : vscode.l10n.t(
        'Everything that signs in with this key (CI runners, scripts) will stop working.',
      ),
    vscode.l10n.t('This cannot be undone.'),
  ];
  const remove = vscode.l10n.t('Delete API Key');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Delete API key "{0}" from registry "{1}"?', key.id, entry.name),
    { modal: true, detail: lines.join('\n') },
    remove,
  );
  if (choice !== remove) {
    return;
  }
  const deleting = vscode.l10n.t('Deleting API key "{0}"…', key.id);
  const done = await withCancellableProgress(deleting, async (signal) => {
    await client.deleteApiKey(key.id, { signal });
    return true;
  });
  if (done) {
    context.log.info(`Deleted API key "${key.id}" from registry "${entry.name}"`);
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Deleted API key "{0}" from "{1}".', key.id, entry.name),
    );
  }
}
