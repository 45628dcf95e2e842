import { writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { addRegistryEntry } from '../../config/settings';
import { privateKeyToPem } from '../../registry/auth';
import type { RegistryEntry } from '../../tree/nodes';
import type { CommandContext } from '../context';
import { nameProblem } from '../signIn/names';
import { saveRegistry } from '../signIn/saveRegistry';

const SAVE = 'Save to File...';
const COPY = 'Copy';
const USE = 'Use for a Registry...';
const DONE = 'Done';

/**
 * Hands over the private key the registry generated for a new API key: shown once, then saved
 * to a file, copied, or stored as a registry entry's credentials, as often as the user wants
 * until they are done. Leaving it nowhere asks first: it cannot be fetched again.
 */
export async function offerPrivateKey(
  context: CommandContext,
  entry: RegistryEntry,
  keyId: string,
  generated: string,
): Promise<void> {
  const pem = privateKeyToPem(generated);
  let kept = false;
  let choice: string | undefined = await vscode.window.showInformationMessage(
    `API key "${keyId}" was created. Its private key is shown only this once:`,
    { modal: true, detail: pem },
    SAVE,
    COPY,
    USE,
  );
  for (;;) {
    if (choice === SAVE) {
      kept = (await saveToFile(keyId, pem)) || kept;
    } else if (choice === COPY) {
      await vscode.env.clipboard.writeText(pem);
      const copied = `The private key of "${keyId}" is on the clipboard.`;
      void vscode.window.showInformationMessage(copied);
      kept = true;
    } else if (choice === USE) {
      kept = (await useForRegistry(context, entry, keyId, pem)) || kept;
    } else if (kept || (await discardConfirmed(keyId))) {
      return;
    }
    choice = await nextOutlet(keyId, kept);
  }
}

async function nextOutlet(keyId: string, kept: boolean): Promise<string | undefined> {
  const items = [
    { label: `$(save) ${SAVE}`, value: SAVE },
    { label: `$(copy) ${COPY} to the clipboard`, value: COPY },
    { label: `$(key) ${USE}`, value: USE },
    {
      label: `$(check) ${DONE}`,
      value: DONE,
      description: kept ? '' : 'the key is not kept anywhere yet',
    },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: `Private key of API key "${keyId}"`,
    placeHolder: 'Keep it somewhere else too, or finish',
    ignoreFocusOut: true,
  });
  return picked?.value;
}

async function saveToFile(keyId: string, pem: string): Promise<boolean> {
  const target = await vscode.window.showSaveDialog({
    title: `Save the private key of API key "${keyId}"`,
    defaultUri: vscode.Uri.file(path.join(homedir(), `${keyId}.pem`)),
    filters: { 'PEM private key': ['pem'] },
  });
  if (!target) {
    return false;
  }
  try {
    await writeFile(target.fsPath, pem, { mode: 0o600 });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(`Could not save ${target.fsPath}: ${reason}`);
    return false;
  }
  const saved = `Saved the private key of "${keyId}" to ${target.fsPath}.`;
  void vscode.window.showInformationMessage(saved);
  return true;
}

async function useForRegistry(
  context: CommandContext,
  entry: RegistryEntry,
  keyId: string,
  pem: string,
): Promise<boolean> {
  const sameUrl = context.model.getRegistries().filter((node) => node.entry.url === entry.url);
  const items = [
    { label: '$(add) Add a registry entry that signs in with this key', node: undefined },
    ...sameUrl.map((node) => ({
      label: `$(edit) Sign in to "${node.entry.name}" with this key`,
      description: node.entry.auth === 'rootToken' ? 'replaces its root token' : undefined,
      node,
    })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: `Use API key "${keyId}"`,
    ignoreFocusOut: true,
  });
  if (!picked) {
    return false;
  }
  const { caFile, insecure } = entry;
  const settings = { auth: 'apiKey' as const, apiKeyId: keyId, caFile, insecure };
  if (picked.node) {
    const previous = picked.node.entry;
    const next = { name: previous.name, url: previous.url, ...settings };
    return saveRegistry(context, previous, next, { apiKeyPem: pem });
  }
  const taken = new Set(context.model.getRegistries().map((node) => node.entry.name));
  const name = await vscode.window.showInputBox({
    title: `Use API key "${keyId}"`,
    prompt: `A name for ${entry.url} signed in with API key "${keyId}"`,
    value: `${entry.name} (${keyId})`,
    ignoreFocusOut: true,
    validateInput: (value) => nameProblem(value, taken),
  });
  if (name === undefined) {
    return false;
  }
  const added: RegistryEntry = { name: name.trim(), url: entry.url, ...settings };
  await context.secrets.replace(added, { apiKeyPem: pem });
  await addRegistryEntry(added);
  context.log.info(`Added registry "${added.name}" signing in with API key "${keyId}"`);
  return true;
}

async function discardConfirmed(keyId: string): Promise<boolean> {
  const choice = await vscode.window.showWarningMessage(
    `Discard the private key of API key "${keyId}"?`,
    {
      modal: true,
      detail: 'It is not saved anywhere yet and the registry cannot show it again. The key stays '
        + 'on the registry, but nobody can sign in with it.',
    },
    'Discard',
  );
  return choice === 'Discard';
}
