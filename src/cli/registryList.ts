import * as l10n from '@vscode/l10n';
import type { CliEnvelope } from './envelope';
import { CliError } from './errors';

/**
 * The registries the `anka` CLI itself is configured with. The 3.9.1+ CLI answers
 * `anka -j registry --list`; older ones `anka -j registry list-repos`, whose body is an object
 * keyed by registry name (`{host, scheme, port, default}`). Both are read here, as are a list of
 * `{name, url}` objects and a `{default, registries}` wrapper.
 */

/** One registry from the CLI's configuration, with the connection options it names. */
export interface CliConfiguredRegistry {
  name: string;
  /** As the CLI gives it, or built from host, scheme and port; not validated here. */
  url: string;
  isDefault: boolean;
  insecure?: boolean;
  caFile?: string;
  certFile?: string;
  keyFile?: string;
  apiKeyId?: string;
}

export interface SkippedCliRegistry {
  name: string;
  reason: string;
}

export interface CliRegistryListing {
  registries: CliConfiguredRegistry[];
  /** Entries that are not Anka Registries (OCI) or have no usable address. */
  skipped: SkippedCliRegistry[];
}

/** The two command lines, newest first. */
export const REGISTRY_LIST_COMMANDS: readonly (readonly string[])[] = [
  ['-j', 'registry', '--list'],
  ['-j', 'registry', 'list-repos'],
];

const WRAPPER_KEYS = ['registries', 'remotes', 'repos', 'repositories'];

/** Undefined when the body has none of the known shapes. */
export function parseRegistryListing(body: unknown): CliRegistryListing | undefined {
  const unwrapped = unwrap(body);
  if (!unwrapped) {
    return undefined;
  }
  const listing: CliRegistryListing = { registries: [], skipped: [] };
  for (const [key, value] of unwrapped.entries) {
    const read = readEntry(key, value, unwrapped.defaultName);
    if ('reason' in read) {
      listing.skipped.push(read);
    } else {
      listing.registries.push(read);
    }
  }
  return listing;
}

interface Unwrapped {
  entries: Array<[string | undefined, unknown]>;
  defaultName: string | undefined;
}

function unwrap(body: unknown): Unwrapped | undefined {
  if (Array.isArray(body)) {
    const entries = body.map((item): [undefined, unknown] => [undefined, item]);
    return { entries, defaultName: undefined };
  }
  if (!isRecord(body)) {
    return undefined;
  }
  const wrapperKey = WRAPPER_KEYS.find((key) => key in body);
  const onlyWrapper = Object.keys(body).every((key) => key === wrapperKey || key === 'default');
  const inner = wrapperKey === undefined ? undefined : body[wrapperKey];
  // A registry may itself be named "registries": its value then has an address.
  const innerIsRegistry = isRecord(inner) && urlOf(inner) !== undefined;
  if (onlyWrapper && (Array.isArray(inner) || isRecord(inner)) && !innerIsRegistry) {
    const nested = unwrap(inner);
    const defaultName = typeof body.default === 'string' ? body.default : undefined;
    return nested && { entries: nested.entries, defaultName };
  }
  return { entries: Object.entries(body), defaultName: undefined };
}

function readEntry(
  key: string | undefined,
  value: unknown,
  defaultName: string | undefined,
): CliConfiguredRegistry | SkippedCliRegistry {
  if (typeof value === 'string') {
    const name = key ?? value;
    return { name, url: value.trim(), isDefault: name === defaultName };
  }
  if (!isRecord(value)) {
    return { name: key ?? '?', reason: l10n.t('the CLI gave no address for it') };
  }
  const url = urlOf(value);
  const name = key ?? text(value.name) ?? text(value.id) ?? text(value.remote) ?? url;
  if (name === undefined) {
    return { name: '?', reason: l10n.t('the CLI gave neither a name nor an address') };
  }
  if (isOci(value)) {
    return { name, reason: l10n.t('an OCI registry, not an Anka Registry') };
  }
  if (url === undefined) {
    return { name, reason: l10n.t('the CLI gave no address for it') };
  }
  const isDefault = flag(value.default) || flag(value.is_default) || flag(value.current) ||
    name === defaultName;
  return { name, url, isDefault, ...connectionOf(value) };
}

/** `url`, or `host` with `scheme` (http when missing) and `port`. */
function urlOf(value: Record<string, unknown>): string | undefined {
  const direct = text(value.url) ?? text(value.address) ?? text(value.registry_url);
  if (direct !== undefined) {
    return direct;
  }
  const host = text(value.host) ?? text(value.hostname);
  if (host === undefined) {
    return undefined;
  }
  const scheme = (text(value.scheme) ?? text(value.protocol) ?? 'http').replace(/:?\/*$/, '');
  const port = text(value.port) ?? (typeof value.port === 'number' ? String(value.port) : '');
  const base = /^[a-z][a-z0-9+.-]*:\/\//i.test(host) ? host : `${scheme}://${host}`;
  const hasPort = /:\d+\/?$/.test(base);
  return port !== '' && !hasPort ? `${base.replace(/\/+$/, '')}:${port}` : base;
}

function isOci(value: Record<string, unknown>): boolean {
  const type = text(value.type)?.toLowerCase();
  return type === 'oci' || text(value.oci_version) !== undefined ||
    text(value.ociVersion) !== undefined || flag(value.oci);
}

function connectionOf(value: Record<string, unknown>): Partial<CliConfiguredRegistry> {
  const connection: Partial<CliConfiguredRegistry> = {};
  if (flag(value.insecure)) {
    connection.insecure = true;
  }
  const fields: Array<[keyof CliConfiguredRegistry, string[]]> = [
    ['caFile', ['cacert', 'ca_cert', 'root_cert', 'cacert_path']],
    ['certFile', ['cert', 'cert_path', 'pem']],
    ['keyFile', ['key', 'key_path']],
    ['apiKeyId', ['api_key_id', 'apiKeyId', 'uak_id']],
  ];
  for (const [field, names] of fields) {
    const found = names.map((name) => text(value[name])).find((item) => item !== undefined);
    if (found !== undefined) {
      Object.assign(connection, { [field]: found });
    }
  }
  return connection;
}

/**
 * Reads the listing from a successful envelope; a body of an unknown shape is a CliError
 * (`invalidOutput`) that says what was printed.
 */
export function listingFromEnvelope(envelope: CliEnvelope, operation: string): CliRegistryListing {
  if (envelope.body === undefined || envelope.body === null) {
    return { registries: [], skipped: [] };
  }
  const listing = parseRegistryListing(envelope.body);
  if (!listing) {
    const printed = JSON.stringify(envelope.body).slice(0, 200);
    throw new CliError({
      kind: 'invalidOutput',
      operation,
      reason: l10n.t('the anka CLI printed a registry list in an unknown form: {0}', printed),
    });
  }
  return listing;
}

export type CliExecute = (args: readonly string[], operation: string) => Promise<CliEnvelope>;

/**
 * Asks with `registry --list` and falls back to `registry list-repos` when the CLI does not know
 * the first; "no registry configured" is an empty listing, any other failure is thrown.
 */
export async function readConfiguredRegistries(
  execute: CliExecute,
): Promise<CliRegistryListing> {
  const operation = l10n.t({
    message: 'read the registries configured for the anka CLI',
    comment: ['Completes "Could not …"'],
  });
  let unknown: unknown;
  for (const args of REGISTRY_LIST_COMMANDS) {
    try {
      return listingFromEnvelope(await execute(args, operation), operation);
    } catch (error) {
      if (error instanceof CliError && error.problem === 'noRegistry') {
        return { registries: [], skipped: [] };
      }
      if (!isUnknownCommand(error)) {
        throw error;
      }
      unknown ??= error;
    }
  }
  throw unknown;
}

/** Whether a failure says the CLI does not know the command (a CLI older or newer than asked). */
export function isUnknownCommand(error: unknown): boolean {
  if (!(error instanceof CliError) || error.kind === 'cancelled') {
    return false;
  }
  const envelope = error.envelope;
  const words = `${envelope?.message ?? ''} ${error.reason}`;
  return envelope?.exceptionType === 'UsageException' ||
    /unknown (option|command)|no such (option|command)|unrecogni[sz]ed|invalid (option|choice)/i
      .test(words);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function flag(value: unknown): boolean {
  return value === true || value === 'true' || value === 1 || value === 'yes';
}
