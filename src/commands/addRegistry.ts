import * as vscode from 'vscode';
import { describeError, normalizeRegistryUrl } from '../registry';
import type { RegistrySecrets } from '../registry/auth';
import { addRegistryEntry } from '../config/settings';
import type { RegistryEntry } from '../tree/nodes';
import type { CommandContext } from './context';
import { chooseFix } from './signIn/chooseFix';
import { nameProblem } from './signIn/names';
import { describeStatus, probeRegistry, statusForLog } from './signIn/probe';

/** An example in the URL box: a registry's usual host name and port. */
const EXAMPLE_URL = 'http://anka.registry:8089';
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
  /** What the check found, for the message and (in English) the log. */
  let found: { text: string; log: string } | undefined;
  for (let round = 1; found === undefined; round++) {
    const probe = await probeRegistry(context, entry, secrets);
    if (probe === 'cancelled') {
      return;
    }
    if (probe.ok) {
      found = {
        text: describeStatus(probe.status, probe.templates),
        log: statusForLog(probe.status, probe.templates),
      };
      break;
    }
    context.log.warn(`Add Registry: ${describeError(probe.error)}`);
    const fix = round < MAX_ROUNDS
      ? await chooseFix(vscode.l10n.t('Add Anka Registry: Sign In'), url, probe.error, entry)
      : await keepAnyway(url, probe.error);
    if (fix === undefined) {
      return;
    }
    if (fix.kind === 'keep') {
      found = { text: vscode.l10n.t('not checked yet'), log: 'not checked yet' };
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
  context.log.info(`Added registry "${name}" at ${url} (${found.log}${auth})`);
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Added registry "{0}": {1}.', name, found.text),
  );
}

async function keepAnyway(url: string, error: Error): Promise<{ kind: 'keep' } | undefined> {
  const addAnyway = vscode.l10n.t('Add Anyway');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Could not reach an Anka Registry at {0}.', url),
    {
      modal: true,
      detail: vscode.l10n.t({
        message: '{0}\n\nAdd it anyway?',
        args: [describeError(error)],
        comment: '{0} is why the registry could not be reached',
      }),
    },
    addAnyway,
  );
  return choice === addAnyway ? { kind: 'keep' } : undefined;
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
      title: vscode.l10n.t('Add Anka Registry (1/2)'),
      prompt: vscode.l10n.t(
        'The registry URL with its port; http:// is assumed when no scheme is given',
      ),
      placeHolder: EXAMPLE_URL,
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
      title: vscode.l10n.t('Add Anka Registry (2/2)'),
      prompt: vscode.l10n.t('A name for {0}, shown in the Registries view', url),
      value: defaultName(url),
      ignoreFocusOut: true,
      // Names are unique: the default registry and the view's rows are found by name.
      validateInput: (value) => nameProblem(value, taken),
    })
    .then((value) => value?.trim());
}

function defaultName(url: string): string {
  const { hostname, host } = new URL(url);
  const loopback = hostname === 'localhost' || hostname.startsWith('127.') || hostname === '[::1]';
  return loopback ? host : hostname;
}
