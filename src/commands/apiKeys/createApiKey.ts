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

const TTL_PROMPT = 'How long the key lives: seconds, or 90d, 12h, 2w, 1y';

/** Asks for a new key's id, lifetime, groups and key pair, creates it and hands over its key. */
export async function createApiKey(
  context: CommandContext,
  client: RegistryClient,
  entry: RegistryEntry,
  existing: readonly ApiKey[],
): Promise<void> {
  const title = `Create API Key on "${entry.name}"`;
  const taken = existing.map((key) => key.id);
  const id = await ask(title, 'The id of the new key, used to sign in with it', '', (value) =>
    keyIdProblem(value, taken));
  const ttlText = id && (await ask(title, TTL_PROMPT, '365d', ttlProblem));
  const groupsText = ttlText && (await ask(title, 'The groups of the key, separated by commas (its '
    + 'permissions come from them)', '', () => undefined));
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
    `Creating API key "${request.id}"…`,
    async (signal) => ({ privateKey: await client.createApiKey(request, { signal }) }),
  );
  if (!created) {
    return;
  }
  context.log.info(`Created API key "${request.id}" on registry "${entry.name}"`);
  if (created.privateKey) {
    await offerPrivateKey(context, entry, request.id, created.privateKey);
  } else {
    const created = `Created API key "${request.id}" on "${entry.name}".`;
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
    label: '$(sparkle) Let the registry generate the key pair',
    detail: 'Its private key is shown once, to save or store right away',
  };
  const own = {
    label: '$(file) Use my public key file...',
    detail: 'A PEM RSA public key (or a private key, whose public half is sent)',
  };
  const picked = await vscode.window.showQuickPick([generate, own], {
    title,
    ignoreFocusOut: true,
  });
  if (picked !== own) {
    return picked && {};
  }
  const file = await pickFile(title, 'RSA public key (PEM)', ['pem', 'pub']);
  if (!file) {
    return undefined;
  }
  try {
    return { publicKey: publicKeyForRegistry(await readFile(file, 'utf8')) };
  } catch (error) {
    void vscode.window.showErrorMessage(`${file} cannot be used: ${(error as Error).message}.`);
    return undefined;
  }
}
