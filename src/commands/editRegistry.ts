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
    registryFromArgument(context, arg) ?? (await pickRegistry(context.model, 'Edit Registry'));
  if (!registry) {
    return;
  }
  const previous = registry.entry;
  const title = `Edit Registry "${previous.name}"`;
  const picked = await vscode.window.showQuickPick(fieldItems(previous), {
    title,
    placeHolder: 'What do you want to change?',
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
    void vscode.window.showInformationMessage(`Saved the changes to registry "${name}".`);
  }
}

function fieldItems(entry: RegistryEntry): FieldItem[] {
  const https = entry.url.startsWith('https:');
  const items: FieldItem[] = [
    { field: 'name', label: 'Name', description: entry.name },
    { field: 'url', label: 'URL', description: entry.url },
    { field: 'auth', label: 'Sign-in', description: describeAuth(entry) },
  ];
  if (https) {
    items.push(
      {
        field: 'caFile',
        label: 'CA certificate',
        description: entry.caFile ?? 'none: the usual trusted roots',
      },
      {
        field: 'insecure',
        label: 'TLS verification',
        description: entry.insecure ? 'off (insecure)' : 'on',
      },
    );
  }
  return items;
}

function describeAuth(entry: RegistryEntry): string {
  switch (entry.auth) {
    case 'rootToken':
      return 'root token';
    case 'apiKey':
      return `API key ${entry.apiKeyId ?? '(no id)'}`;
    case 'certificate':
      return `client certificate ${entry.certFile ?? '(no file)'}`;
    default:
      return 'none';
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
        prompt: 'A name for the registry, shown in the Registries view',
        value: entry.name,
        validateInput: (value) => nameProblem(value, taken),
      });
      return name === undefined ? undefined : { entry: { ...entry, name: name.trim() } };
    }
    case 'url': {
      const url = await vscode.window.showInputBox({
        title,
        prompt: 'The registry URL with its port',
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
  const kind = await askAuthKind(title, `How do you sign in to ${entry.url}?`, {
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
  const choose = { label: '$(file) Choose a CA certificate file...' };
  const remove = { label: '$(close) Use the usual trusted roots only' };
  const choices = entry.caFile ? [choose, remove] : [choose];
  const how = await vscode.window.showQuickPick(choices, { title });
  if (how === remove) {
    return { entry: { ...entry, caFile: undefined } };
  }
  const label = 'CA certificate (PEM)';
  const caFile = how && (await pickFile(title, label, PEM_CERTIFICATE, entry.caFile));
  return caFile ? { entry: { ...entry, caFile } } : undefined;
}

async function askVerification(entry: RegistryEntry): Promise<Change | undefined> {
  if (entry.insecure) {
    return { entry: { ...entry, insecure: undefined } };
  }
  const choice = await vscode.window.showWarningMessage(
    `Turn off TLS verification for "${entry.name}"?`,
    {
      modal: true,
      detail: 'The certificate of this registry will not be checked, so anyone who can intercept '
        + 'the connection could pose as the registry and read the credentials sent to it. Prefer '
        + 'a CA certificate file. Other registries keep their checks.',
    },
    'Turn Off Verification',
  );
  return choice ? { entry: { ...entry, insecure: true } } : undefined;
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
  const fix = await chooseFix(title, change.entry.url, probe.error, change.entry, 'Save Anyway');
  if (fix?.kind !== 'retry' || round >= 5) {
    return fix && change;
  }
  const { settings, secrets: added } = fix.credentials;
  const sameKind = (settings.auth ?? 'none') === (change.entry.auth ?? 'none');
  const entry = { name: change.entry.name, url: change.entry.url, ...settings };
  const next = { entry, secrets: sameKind ? { ...secrets, ...added } : added };
  return check(context, title, next, previous, round + 1);
}
