import * as l10n from '@vscode/l10n';
import type { CliConfiguredRegistry, CliRegistryListing, SkippedCliRegistry } from '../cli';
import { describeError, normalizeRegistryUrl } from '../registry';
import type { ConnectionSettings } from '../registry/auth';
import type { RegistryEntry } from '../tree/nodes';

/** What importing the anka CLI's registries would do, without VS Code, so it is unit-tested. */

export interface ImportCandidate {
  source: CliConfiguredRegistry;
  /** The settings entry it becomes: its URL normalised, its name unique among the registries. */
  entry: RegistryEntry;
}

export interface ConfiguredMatch {
  source: CliConfiguredRegistry;
  /** The name it is configured under in VS Code (found by URL). */
  configuredAs: string;
}

export interface ImportPlan {
  /** Not configured yet: what the quick pick offers. */
  candidates: ImportCandidate[];
  alreadyConfigured: ConfiguredMatch[];
  /** Not Anka Registries, no usable URL, or the same URL twice in the CLI's list. */
  skipped: SkippedCliRegistry[];
}

export function planImport(
  listing: CliRegistryListing,
  configured: readonly RegistryEntry[],
): ImportPlan {
  const plan: ImportPlan = { candidates: [], alreadyConfigured: [], skipped: [...listing.skipped] };
  const byUrl = new Map(configured.map((entry) => [entry.url, entry.name]));
  const taken = new Set(configured.map((entry) => entry.name));
  for (const source of listing.registries) {
    let url: string;
    try {
      url = normalizeRegistryUrl(source.url);
    } catch (error) {
      plan.skipped.push({ name: source.name, reason: describeError(error) });
      continue;
    }
    const configuredAs = byUrl.get(url);
    if (configuredAs !== undefined) {
      plan.alreadyConfigured.push({ source, configuredAs });
      continue;
    }
    const twin = plan.candidates.find((candidate) => candidate.entry.url === url);
    if (twin) {
      const reason = l10n.t('the same URL as "{0}"', twin.source.name);
      plan.skipped.push({ name: source.name, reason });
      continue;
    }
    const name = uniqueName(source.name, taken);
    taken.add(name);
    plan.candidates.push({ source, entry: { name, url, ...connectionOf(source, url) } });
  }
  return plan;
}

/** `CI`, else `CI (2)`, `CI (3)`... */
function uniqueName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) {
    return name;
  }
  let number = 2;
  while (taken.has(`${name} (${number})`)) {
    number++;
  }
  return `${name} (${number})`;
}

/**
 * The CLI's own TLS and sign-in options, where it names them; they only apply over https.
 * A certificate without a separate key holds the key itself, as the CLI allows.
 */
function connectionOf(source: CliConfiguredRegistry, url: string): ConnectionSettings {
  if (!url.startsWith('https:')) {
    return source.apiKeyId ? { auth: 'apiKey', apiKeyId: source.apiKeyId } : {};
  }
  const settings: ConnectionSettings = {};
  if (source.certFile) {
    settings.auth = 'certificate';
    settings.certFile = source.certFile;
    settings.keyFile = source.keyFile ?? source.certFile;
  } else if (source.apiKeyId) {
    settings.auth = 'apiKey';
    settings.apiKeyId = source.apiKeyId;
  }
  if (source.caFile) {
    settings.caFile = source.caFile;
  }
  if (source.insecure) {
    settings.insecure = true;
  }
  return settings;
}

/** The closing message: what was added, and what was not offered and why. */
export function describeImport(
  added: readonly RegistryEntry[],
  plan: ImportPlan,
): string {
  const names = added.map((entry) => `"${entry.name}"`).join(', ');
  const parts = [
    added.length === 1
      ? l10n.t('Added the registry {0} from the anka CLI.', names)
      : l10n.t('Added {0} registries from the anka CLI: {1}.', added.length, names),
  ];
  if (plan.skipped.length > 0) {
    const skipped = plan.skipped.map((item) => `${item.name} (${item.reason})`).join('; ');
    parts.push(l10n.t('Not imported: {0}.', skipped));
  }
  const signIn = added.filter((entry) => entry.auth === 'apiKey');
  if (signIn.length > 0) {
    const which = signIn.map((entry) => `"${entry.name}"`).join(', ');
    parts.push(l10n.t('Use Sign In Again on {0} to enter the API key.', which));
  }
  return parts.join(' ');
}
