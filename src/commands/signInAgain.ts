import * as vscode from 'vscode';
import { describeError } from '../registry';
import type { RegistrySecrets } from '../registry/auth';
import type { RegistryEntry } from '../tree/nodes';
import type { CommandContext } from './context';
import { pickRegistry } from './pickers';
import { askAuthKind, askCredentials } from './signIn/askCredentials';
import { chooseFix } from './signIn/chooseFix';
import { describeStatus, probeRegistry, statusForLog } from './signIn/probe';
import { registryFromArgument, saveRegistry } from './signIn/saveRegistry';

const MAX_ROUNDS = 5;

/**
 * Asks again for the credentials of a registry that refused them (or never had any), checks them
 * and stores them; the registry then loads again.
 */
export async function signInAgain(context: CommandContext, arg?: unknown): Promise<void> {
  const registry =
    registryFromArgument(context, arg) ??
    (await pickRegistry(context.model, vscode.l10n.t('Sign In Again')));
  if (!registry) {
    return;
  }
  const previous = registry.entry;
  const title = vscode.l10n.t('Sign In to {0}', previous.name);
  const https = previous.url.startsWith('https:');
  const kind = previous.auth && previous.auth !== 'none'
    ? previous.auth
    : await askAuthKind(title, vscode.l10n.t('How do you sign in to {0}?', previous.url), {
        https,
        recommended: ['rootToken', 'apiKey'],
      });
  if (!kind) {
    return;
  }
  const first = await askCredentials(kind, title, previous);
  if (!first) {
    return;
  }
  let entry: RegistryEntry = { ...previous, ...first.settings };
  const stored = kind === previous.auth ? await context.secrets.get(previous) : {};
  let secrets: RegistrySecrets = { ...stored, ...first.secrets };
  /** What the check found, for the message and (in English) the log. */
  let outcome: { text: string; log: string } | undefined;
  for (let round = 1; outcome === undefined && round <= MAX_ROUNDS; round++) {
    const probe = await probeRegistry(context, entry, secrets);
    if (probe === 'cancelled') {
      return;
    }
    if (probe.ok) {
      outcome = {
        text: describeStatus(probe.status, probe.templates),
        log: statusForLog(probe.status, probe.templates),
      };
      break;
    }
    context.log.warn(`Sign In Again: ${describeError(probe.error)}`);
    const saveAnyway = vscode.l10n.t('Save Anyway');
    const fix = await chooseFix(title, entry.url, probe.error, entry, saveAnyway);
    if (fix === undefined) {
      return;
    }
    if (fix.kind === 'keep') {
      outcome = {
        text: vscode.l10n.t('saved without a successful check'),
        log: 'saved without a successful check',
      };
      break;
    }
    const sameKind = (fix.credentials.settings.auth ?? 'none') === (entry.auth ?? 'none');
    secrets = sameKind ? { ...secrets, ...fix.credentials.secrets } : fix.credentials.secrets;
    entry = { name: entry.name, url: entry.url, ...fix.credentials.settings };
  }
  if (outcome === undefined) {
    return;
  }
  if (await saveRegistry(context, previous, entry, secrets)) {
    context.log.info(`Signed in to registry "${entry.name}" (${outcome.log})`);
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Signed in to "{0}": {1}.', entry.name, outcome.text),
    );
  }
}
