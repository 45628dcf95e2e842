import * as vscode from 'vscode';
import { describeError, normalizeRegistryUrl } from '../registry';
import type { RegistrySecrets } from '../registry/auth';
import type { RegistryEntry } from '../tree/nodes';
import type { CommandContext } from './context';
import { pickRegistry } from './pickers';
import { askAuthKind, askCredentials, PEM_CERTIFICATE, pickFile } from './signIn/askCredentials';
import { chooseFix } from './signIn/chooseFix';
import { nameProblem } from './signIn/names';
import { probeRegistry } from './signIn/probe';
import { registryFromArgument, saveRegistry } from './signIn/saveRegistry';

type Field = 'name' | 'url' | 'auth' | 'caFile' | 'insecure';

interface FieldItem extends vscode.QuickPickItem {
  field: Field;
}

interface Change {
  entry: RegistryEntry;
  /** New secrets; undefined keeps the stored ones. */
  secrets?: RegistrySecrets;
}

/** Changes a registry's name, URL, sign-in, CA file or TLS verification, one at a time. */
export async function editRegistry(context: CommandContext, arg?: unknown): Promise<void> {
  const registry =
    registryFromArgument(context, arg) ??
    (await pickRegistry(context.model, vscode.l10n.t('Edit Registry')));
  if (!registry) {
    return;
  }
  const previous = registry.entry;
  const title = vscode.l10n.t('Edit Registry "{0}"', previous.name);
  const picked = await vscode.window.showQuickPick(fieldItems(previous), {
    title,
    placeHolder: vscode.l10n.t('What do you want to change?'),
  });
  if (!picked) {
    return;
  }
  const change = await askChange(context, picked.field, previous, title);
  if (!change) {
    return;
  }
  const checked = picked.field === 'name' ? change : await check(context, title, change, previous);
  if (checked && (await saveRegistry(context, previous, checked.entry, checked.secrets))) {
    context.log.info(`Edited registry "${checked.entry.name}" (${picked.field})`);
    const { name } = checked.entry;
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Saved the changes to registry "{0}".', name),
    );
  }
}

function fieldItems(entry: RegistryEntry): FieldItem[] {
  const https = entry.url.startsWith('https:');
  const items: FieldItem[] = [
    { field: 'name', label: vscode.l10n.t('Name'), description: entry.name },
    { field: 'url', label: vscode.l10n.t('URL'), description: entry.url },
    { field: 'auth', label: vscode.l10n.t('Sign-in'), description: describeAuth(entry) },
  ];
  if (https) {
    items.push(
      {
        field: 'caFile',
        label: vscode.l10n.t('CA certificate'),
        description: entry.caFile ?? vscode.l10n.t('none: the usual trusted roots'),
      },
      {
        field: 'insecure',
        label: vscode.l10n.t('TLS verification'),
        description: entry.insecure ? vscode.l10n.t('off (insecure)') : vscode.l10n.t('on'),
      },
    );
  }
  return items;
}

function describeAuth(entry: RegistryEntry): string {
  switch (entry.auth) {
    case 'rootToken':
      return vscode.l10n.t('root token');
    case 'apiKey':
      return entry.apiKeyId
        ? vscode.l10n.t('API key {0}', entry.apiKeyId)
        : vscode.l10n.t('API key (no id)');
    case 'certificate':
      return entry.certFile
        ? vscode.l10n.t('client certificate {0}', entry.certFile)
        : vscode.l10n.t('client certificate (no file)');
    default:
      return vscode.l10n.t('none');
  }
}

async function askChange(
  context: CommandContext,
  field: Field,
  entry: RegistryEntry,
  title: string,
): Promise<Change | undefined> {
  switch (field) {
    case 'name': {
      const taken = new Set(context.model.getRegistries().map((node) => node.entry.name));
      taken.delete(entry.name);
      const name = await vscode.window.showInputBox({
        title,
        prompt: vscode.l10n.t('A name for the registry, shown in the Registries view'),
        value: entry.name,
        validateInput: (value) => nameProblem(value, taken),
      });
      return name === undefined ? undefined : { entry: { ...entry, name: name.trim() } };
    }
    case 'url': {
      const url = await vscode.window.showInputBox({
        title,
        prompt: vscode.l10n.t('The registry URL with its port'),
        value: entry.url,
        validateInput: (value) => urlProblem(value),
      });
      return url === undefined
        ? undefined
        : { entry: { ...entry, url: normalizeRegistryUrl(url) } };
    }
    case 'auth':
      return askSignIn(entry, title);
    case 'caFile':
      return askCaFile(entry, title);
    case 'insecure':
      return askVerification(entry);
  }
}

function urlProblem(value: string): string | undefined {
  try {
    normalizeRegistryUrl(value);
    return undefined;
  } catch (error) {
    return describeError(error);
  }
}

async function askSignIn(entry: RegistryEntry, title: string): Promise<Change | undefined> {
  const kind = await askAuthKind(title, vscode.l10n.t('How do you sign in to {0}?', entry.url), {
    https: entry.url.startsWith('https:'),
    current: entry.auth ?? 'none',
  });
  const credentials = kind && (await askCredentials(kind, title, entry));
  if (!credentials) {
    return undefined;
  }
  const next = { name: entry.name, url: entry.url, ...credentials.settings };
  return { entry: next, secrets: credentials.secrets };
}

async function askCaFile(entry: RegistryEntry, title: string): Promise<Change | undefined> {
  const choose = { label: `$(file) ${vscode.l10n.t('Choose a CA certificate file...')}` };
  const remove = { label: `$(close) ${vscode.l10n.t('Use the usual trusted roots only')}` };
  const choices = entry.caFile ? [choose, remove] : [choose];
  const how = await vscode.window.showQuickPick(choices, { title });
  if (how === remove) {
    return { entry: { ...entry, caFile: undefined } };
  }
  const label = vscode.l10n.t('CA certificate (PEM)');
  const caFile = how && (await pickFile(title, label, PEM_CERTIFICATE, entry.caFile));
  return caFile ? { entry: { ...entry, caFile } } : undefined;
}

async function askVerification(entry: RegistryEntry): Promise<Change | undefined> {
  if (entry.insecure) {
    return { entry: { ...entry, insecure: undefined } };
  }
  const turnOff = vscode.l10n.t('Turn Off Verification');
  const unchecked = vscode.l10n.t('The certificate of this registry will not be checked.');
  const risk = vscode.l10n.t(
    'Anyone who can intercept the connection could pose as the registry and read the credentials.',
  );
  const prefer = vscode.l10n.t('Prefer a CA certificate file. Other registries keep their checks.');
  const detail = [unchecked, risk, prefer].join(' ');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Turn off TLS verification for "{0}"?', entry.name),
    { modal: true, detail },
    turnOff,
  );
  return choice === turnOff ? { entry: { ...entry, insecure: true } } : undefined;
}

/** Checks the changed registry; a failure offers fixes (a few rounds) or saving anyway. */
async function check(
  context: CommandContext,
  title: string,
  change: Change,
  previous: RegistryEntry,
  round = 1,
): Promise<Change | undefined> {
  const secrets = change.secrets ?? (await context.secrets.get(previous));
  const probe = await probeRegistry(context, change.entry, secrets);
  if (probe === 'cancelled') {
    return undefined;
  }
  if (probe.ok) {
    return change;
  }
  context.log.warn(`Edit Registry: ${describeError(probe.error)}`);
  const saveAnyway = vscode.l10n.t('Save Anyway');
  const fix = await chooseFix(title, change.entry.url, probe.error, change.entry, saveAnyway);
  if (fix?.kind !== 'retry' || round >= 5) {
    return fix && change;
  }
  const { settings, secrets: added } = fix.credentials;
  const sameKind = (settings.auth ?? 'none') === (change.entry.auth ?? 'none');
  const entry = { name: change.entry.name, url: change.entry.url, ...settings };
  const next = { entry, secrets: sameKind ? { ...secrets, ...added } : added };
  return check(context, title, next, previous, round + 1);
}
