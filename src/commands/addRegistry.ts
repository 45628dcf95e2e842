import * as vscode from 'vscode';
import { describeError, normalizeRegistryUrl } from '../registry';
import type { RegistrySecrets } from '../registry/auth';
import { addRegistryEntry } from '../config/settings';
import type { RegistryEntry } from '../tree/nodes';
import type { CommandContext } from './context';
import { chooseFix } from './signIn/chooseFix';
import { describeStatus, probeRegistry } from './signIn/probe';

const TITLE = 'Add Anka Registry';
/** A user fixing one thing after another (401, then a CA file) needs a few rounds, not more. */
const MAX_ROUNDS = 5;

/**
 * Asks for a registry's URL, checks that it answers and lets the user in (offering to sign in
 * when it answers 401, a CA file or a client certificate when TLS fails), asks for a name and
 * adds it to the settings; secrets go to SecretStorage.
 */
export async function addRegistry(context: CommandContext): Promise<void> {
  const url = await askUrl();
  if (url === undefined) {
    return;
  }
  let entry: RegistryEntry = { name: new URL(url).host, url };
  let secrets: RegistrySecrets = {};
  let found: string | undefined;
  for (let round = 1; found === undefined; round++) {
    const probe = await probeRegistry(context, entry, secrets);
    if (probe === 'cancelled') {
      return;
    }
    if (probe.ok) {
      found = describeStatus(probe.status, probe.templates);
      break;
    }
    context.log.warn(`Add Registry: ${describeError(probe.error)}`);
    const fix = round < MAX_ROUNDS
      ? await chooseFix(`${TITLE}: Sign In`, url, probe.error, entry)
      : await keepAnyway(url, probe.error);
    if (fix === undefined) {
      return;
    }
    if (fix.kind === 'keep') {
      found = 'not checked yet';
      break;
    }
    const sameKind = (fix.credentials.settings.auth ?? 'none') === (entry.auth ?? 'none');
    secrets = sameKind ? { ...secrets, ...fix.credentials.secrets } : fix.credentials.secrets;
    entry = { name: entry.name, url, ...fix.credentials.settings };
  }
  const name = await askName(context, url);
  if (name === undefined) {
    return;
  }
  const added = { ...entry, name };
  await context.secrets.replace(added, secrets);
  await addRegistryEntry(added);
  const signsIn = added.auth !== undefined && added.auth !== 'none';
  const auth = signsIn ? `, signing in with ${describeKind(added)}` : '';
  context.log.info(`Added registry "${name}" at ${url} (${found}${auth})`);
  void vscode.window.showInformationMessage(`Added registry "${name}": ${found}.`);
}

async function keepAnyway(url: string, error: Error): Promise<{ kind: 'keep' } | undefined> {
  const choice = await vscode.window.showWarningMessage(
    `Could not reach an Anka Registry at ${url}.`,
    { modal: true, detail: `${describeError(error)}\n\nAdd it anyway?` },
    'Add Anyway',
  );
  return choice === 'Add Anyway' ? { kind: 'keep' } : undefined;
}

function describeKind(entry: RegistryEntry): string {
  switch (entry.auth) {
    case 'rootToken':
      return 'the root token';
    case 'apiKey':
      return `API key "${entry.apiKeyId}"`;
    case 'certificate':
      return `the client certificate ${entry.certFile}`;
    default:
      return 'no credentials';
  }
}

function askUrl(): Thenable<string | undefined> {
  return vscode.window
    .showInputBox({
      title: `${TITLE} (1/2)`,
      prompt: 'The registry URL with its port; http:// is assumed when no scheme is given',
      placeHolder: 'http://anka.registry:8089',
      ignoreFocusOut: true,
      validateInput: (value) => {
        try {
          normalizeRegistryUrl(value);
          return undefined;
        } catch (error) {
          return describeError(error);
        }
      },
    })
    .then((value) => (value === undefined ? undefined : normalizeRegistryUrl(value)));
}

function askName(context: CommandContext, url: string): Thenable<string | undefined> {
  const taken = new Set(context.model.getRegistries().map((node) => node.entry.name));
  return vscode.window
    .showInputBox({
      title: `${TITLE} (2/2)`,
      prompt: `A name for ${url}, shown in the Registries view`,
      value: defaultName(url),
      ignoreFocusOut: true,
      validateInput: (value) => {
        if (value.trim() === '') {
          return 'The name cannot be empty.';
        }
        if (taken.has(value.trim())) {
          return {
            message: `A registry named "${value.trim()}" is already configured.`,
            severity: vscode.InputBoxValidationSeverity.Warning,
          };
        }
        return undefined;
      },
    })
    .then((value) => value?.trim());
}

function defaultName(url: string): string {
  const { hostname, host } = new URL(url);
  const loopback = hostname === 'localhost' || hostname.startsWith('127.') || hostname === '[::1]';
  return loopback ? host : hostname;
}
