import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { ApiKey, RegistryClient } from '../../registry';
import { publicKeyForRegistry } from '../../registry/auth';
import type { RegistryEntry } from '../../tree/nodes';
import type { CommandContext } from '../context';
import { pickFile } from '../signIn/askCredentials';
import { keyIdProblem, parseGroups, parseTtl, ttlProblem } from './apiKeyText';
import { offerPrivateKey } from './privateKeyOutlets';
import { withCancellableProgress } from './withProgress';

/** Asks for a new key's id, lifetime, groups and key pair, creates it and hands over its key. */
export async function createApiKey(
  context: CommandContext,
  client: RegistryClient,
  entry: RegistryEntry,
  existing: readonly ApiKey[],
): Promise<void> {
  const title = vscode.l10n.t('Create API Key on "{0}"', entry.name);
  const taken = existing.map((key) => key.id);
  const idPrompt = vscode.l10n.t('The id of the new key, used to sign in with it');
  const id = await ask(title, idPrompt, '', (value) => keyIdProblem(value, taken));
  const ttlPrompt = vscode.l10n.t('How long the key lives: seconds, or 90d, 12h, 2w, 1y');
  const ttlText = id && (await ask(title, ttlPrompt, '365d', ttlProblem));
  const groupsPrompt = vscode.l10n.t(
    'The groups of the key, separated by commas (its permissions come from them)',
  );
  const groupsText = ttlText && (await ask(title, groupsPrompt, '', () => undefined));
  if (!id || !ttlText || groupsText === undefined) {
    return;
  }
  const publicKey = await askPublicKey(title);
  if (publicKey === undefined) {
    return;
  }
  const ttl = parseTtl(ttlText) as number;
  const request = { id: id.trim(), ttl, groups: parseGroups(groupsText), ...publicKey };
  const created = await withCancellableProgress(
    vscode.l10n.t('Creating API key "{0}"…', request.id),
    async (signal) => ({ privateKey: await client.createApiKey(request, { signal }) }),
  );
  if (!created) {
    return;
  }
  context.log.info(`Created API key "${request.id}" on registry "${entry.name}"`);
  if (created.privateKey) {
    await offerPrivateKey(context, entry, request.id, created.privateKey);
  } else {
    const created = vscode.l10n.t('Created API key "{0}" on "{1}".', request.id, entry.name);
    void vscode.window.showInformationMessage(created);
  }
}

function ask(
  title: string,
  prompt: string,
  value: string,
  validateInput: (value: string) => string | undefined,
): Thenable<string | undefined> {
  return vscode.window.showInputBox({ title, prompt, value, ignoreFocusOut: true, validateInput });
}

/** `{}` to let the registry generate the pair, `{ publicKey }` from a file, undefined to stop. */
async function askPublicKey(title: string): Promise<{ publicKey?: string } | undefined> {
  const generate = {
    label: `$(sparkle) ${vscode.l10n.t('Let the registry generate the key pair')}`,
    detail: vscode.l10n.t('Its private key is shown once, to save or store right away'),
  };
  const own = {
    label: `$(file) ${vscode.l10n.t('Use my public key file...')}`,
    detail: vscode.l10n.t('A PEM RSA public key (or a private key, whose public half is sent)'),
  };
  const picked = await vscode.window.showQuickPick([generate, own], {
    title,
    ignoreFocusOut: true,
  });
  if (picked !== own) {
    return picked && {};
  }
  const file = await pickFile(title, vscode.l10n.t('RSA public key (PEM)'), ['pem', 'pub']);
  if (!file) {
    return undefined;
  }
  try {
    return { publicKey: publicKeyForRegistry(await readFile(file, 'utf8')) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} cannot be used: {1}.', file, reason));
    return undefined;
  }
}
