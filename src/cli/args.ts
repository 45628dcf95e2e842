import * as l10n from '@vscode/l10n';
import { CliError } from './errors';

/**
 * Command lines for the `anka` CLI. The registry is always passed explicitly, by URL with its
 * auth options, before the subcommand: the CLI's own registry list is per user and may be
 * empty or point elsewhere.
 */

export type CliAuthKind = 'none' | 'rootToken' | 'apiKey' | 'certificate';

/** A registry's connection settings, neutral of where they are stored. */
export interface CliAuth {
  kind: CliAuthKind;
  apiKeyId?: string;
  /** The API key's private key as PEM text. */
  apiKeyPem?: string;
  /** A file holding the private key; passed instead of the PEM text when set. */
  apiKeyFile?: string;
  certFile?: string;
  keyFile?: string;
  caFile?: string;
  insecure?: boolean;
}

export interface CliRegistry {
  /** For messages only. */
  name: string;
  url: string;
  auth: CliAuth;
}

export interface PullRequest {
  registry: CliRegistry;
  /** Template id or name. */
  template: string;
  /** The template's name for messages, when `template` is its id. */
  templateName?: string;
  /** Absent: the newest tag (the CLI picks it; there is no tag called "latest"). */
  tag?: string;
  /** Deletes the template's other local tags. */
  shrink?: boolean;
}

export interface PushRequest {
  registry: CliRegistry;
  /** The local VM, by name or uuid. */
  vm: string;
  tag: string;
  description?: string;
  /** Push as the next tag of this registry template (name or id) instead of the VM's own. */
  remoteTemplate?: string;
  /** The target template's name for messages, when `remoteTemplate` is an id. */
  targetName?: string;
}

/** Which form of the download size check the installed CLI has. */
export type DownloadSizeCheck = 'pull' | 'registry';

const MACHINE_READABLE = '-j';

/** Why a registry signed in with a root token cannot be used with the CLI, and what to do. */
function rootTokenReason(registryName: string): string {
  const refused = l10n.t({
    message: 'the registry "{0}" uses a root token, and the anka CLI cannot be given a root token.',
    args: [registryName],
    comment: ['{0} is a registry name'],
  });
  const instead = l10n.t(
    'Use an API key or a client certificate for this registry to push and pull.',
  );
  return `${refused} ${instead}`;
}

/** The registry options, in the order the CLI documents them. */
export function registryOptions(registry: CliRegistry, operation: string): string[] {
  const { auth } = registry;
  const options = ['-r', registry.url];
  if (auth.kind === 'rootToken') {
    throw new CliError({
      kind: 'unsupportedAuth',
      operation,
      reason: rootTokenReason(registry.name),
    });
  }
  if (auth.kind === 'certificate') {
    const certFile = required(auth.certFile, 'certFile', registry, operation);
    options.push('--cert', certFile);
    if (auth.keyFile) {
      options.push('--key', auth.keyFile);
    }
  }
  if (auth.caFile) {
    options.push('--cacert', auth.caFile);
  }
  if (auth.insecure) {
    options.push('--insecure');
  }
  if (auth.kind === 'apiKey') {
    options.push('--api-key-id', required(auth.apiKeyId, 'apiKeyId', registry, operation));
    const key = auth.apiKeyFile ?? auth.apiKeyPem;
    options.push('--api-key', required(key, 'apiKey', registry, operation));
  }
  return options;
}

/** What a registry's settings may lack for the CLI. */
type RequiredPart = 'certFile' | 'apiKeyId' | 'apiKey';

function required(
  value: string | undefined,
  part: RequiredPart,
  registry: CliRegistry,
  operation: string,
): string {
  if (value === undefined || value.trim() === '') {
    const reason = missing(part, registry.name);
    throw new CliError({ kind: 'unsupportedAuth', operation, reason });
  }
  return value;
}

function missing(part: RequiredPart, name: string): string {
  switch (part) {
    case 'certFile':
      return l10n.t({
        message: 'the registry "{0}" has no client certificate file in its settings',
        args: [name],
        comment: ['{0} is a registry name'],
      });
    case 'apiKeyId':
      return l10n.t({
        message: 'the registry "{0}" has no API key id in its settings',
        args: [name],
        comment: ['{0} is a registry name'],
      });
    case 'apiKey':
      return l10n.t({
        message: 'the registry "{0}" has no private key stored for its API key',
        args: [name],
        comment: ['{0} is a registry name'],
      });
  }
}

export function pullArgs(request: PullRequest, operation: string): string[] {
  return [
    MACHINE_READABLE,
    'registry',
    ...registryOptions(request.registry, operation),
    'pull',
    ...(request.tag !== undefined ? ['-t', request.tag] : []),
    ...(request.shrink ? ['-s'] : []),
    request.template,
  ];
}

export function pushArgs(request: PushRequest, operation: string): string[] {
  return [
    MACHINE_READABLE,
    'registry',
    ...registryOptions(request.registry, operation),
    'push',
    '-t',
    request.tag,
    ...(request.description ? ['-d', request.description] : []),
    ...(request.remoteTemplate !== undefined ? ['-v', request.remoteTemplate] : []),
    request.vm,
  ];
}

/**
 * The 3.x CLI asks through `anka pull --check-download-size VM REMOTE` (which takes no auth
 * options); the 2.x CLI had `anka registry check-download-size`.
 */
export function downloadSizeArgs(
  request: PullRequest,
  check: DownloadSizeCheck,
  operation: string,
): string[] {
  const tag = request.tag !== undefined ? ['-t', request.tag] : [];
  if (check === 'pull') {
    const { template, registry } = request;
    return [MACHINE_READABLE, 'pull', '--check-download-size', ...tag, template, registry.url];
  }
  return [
    MACHINE_READABLE,
    'registry',
    ...registryOptions(request.registry, operation),
    'check-download-size',
    ...tag,
    request.template,
  ];
}

export function listArgs(): string[] {
  return [MACHINE_READABLE, 'list'];
}

export function cloneArgs(vm: string, newName: string): string[] {
  return [MACHINE_READABLE, 'clone', vm, newName];
}

/** The command line for the log: the value of `--api-key` is never written out. */
export function redactArgs(args: readonly string[]): string {
  return args
    .map((arg, index) => (args[index - 1] === '--api-key' ? '<redacted>' : quote(arg)))
    .join(' ');
}

function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
