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

/** Where the key can go; the labels are the dialog's buttons, compared after the choice. */
interface Outlets {
  save: string;
  copy: string;
  use: string;
  done: string;
}

function outlets(): Outlets {
  return {
    save: vscode.l10n.t('Save to File...'),
    copy: vscode.l10n.t('Copy'),
    use: vscode.l10n.t('Use for a Registry...'),
    done: vscode.l10n.t('Done'),
  };
}

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
  const labels = outlets();
  let choice: string | undefined = await vscode.window.showInformationMessage(
    vscode.l10n.t('API key "{0}" was created. Its private key is shown only this once:', keyId),
    { modal: true, detail: pem },
    labels.save,
    labels.copy,
    labels.use,
  );
  for (;;) {
    if (choice === labels.save) {
      kept = (await saveToFile(keyId, pem)) || kept;
    } else if (choice === labels.copy) {
      await vscode.env.clipboard.writeText(pem);
      const copied = vscode.l10n.t('The private key of "{0}" is on the clipboard.', keyId);
      void vscode.window.showInformationMessage(copied);
      kept = true;
    } else if (choice === labels.use) {
      kept = (await useForRegistry(context, entry, keyId, pem)) || kept;
    } else if (kept || (await discardConfirmed(keyId))) {
      return;
    }
    choice = await nextOutlet(labels, keyId, kept);
  }
}

async function nextOutlet(
  labels: Outlets,
  keyId: string,
  kept: boolean,
): Promise<string | undefined> {
  const items = [
    { label: `$(save) ${labels.save}`, value: labels.save },
    { label: `$(copy) ${vscode.l10n.t('Copy to the clipboard')}`, value: labels.copy },
    { label: `$(key) ${labels.use}`, value: labels.use },
    {
      label: `$(check) ${labels.done}`,
      value: labels.done,
      description: kept ? '' : vscode.l10n.t('the key is not kept anywhere yet'),
    },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Private key of API key "{0}"', keyId),
    placeHolder: vscode.l10n.t('Keep it somewhere else too, or finish'),
    ignoreFocusOut: true,
  });
  return picked?.value;
}

async function saveToFile(keyId: string, pem: string): Promise<boolean> {
  const target = await vscode.window.showSaveDialog({
    title: vscode.l10n.t('Save the private key of API key "{0}"', keyId),
    defaultUri: vscode.Uri.file(path.join(homedir(), `${keyId}.pem`)),
    filters: { [vscode.l10n.t('PEM private key')]: ['pem'] },
  });
  if (!target) {
    return false;
  }
  try {
    await writeFile(target.fsPath, pem, { mode: 0o600 });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Could not save {0}: {1}', target.fsPath, reason),
    );
    return false;
  }
  const saved = vscode.l10n.t('Saved the private key of "{0}" to {1}.', keyId, target.fsPath);
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
    {
      label: `$(add) ${vscode.l10n.t('Add a registry entry that signs in with this key')}`,
      node: undefined,
    },
    ...sameUrl.map((node) => ({
      label: `$(edit) ${vscode.l10n.t('Sign in to "{0}" with this key', node.entry.name)}`,
      description: node.entry.auth === 'rootToken'
        ? vscode.l10n.t('replaces its root token')
        : undefined,
      node,
    })),
  ];
  const title = vscode.l10n.t('Use API key "{0}"', keyId);
  const picked = await vscode.window.showQuickPick(items, {
    title,
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
    title,
    prompt: vscode.l10n.t('A name for {0} signed in with API key "{1}"', entry.url, keyId),
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
  const discard = vscode.l10n.t('Discard');
  const detail = [
    vscode.l10n.t('It is not saved anywhere yet and the registry cannot show it again.'),
    vscode.l10n.t('The key stays on the registry, but nobody can sign in with it.'),
  ];
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Discard the private key of API key "{0}"?', keyId),
    { modal: true, detail: detail.join(' ') },
    discard,
  );
  return choice === discard;
}
