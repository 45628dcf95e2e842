import { createSecureContext, rootCertificates, type ConnectionOptions } from 'node:tls';
import * as l10n from '@vscode/l10n';
import type { RegistryFix } from '../errors';
import { AuthSetupError, type ConnectionSettings, type RegistrySecrets } from './types';

export type ReadFile = (path: string) => Promise<string>;

/** The PEM files a registry's TLS settings name. */
type PemFile = 'ca' | 'certificate' | 'key';

const SETTING_OF: Record<PemFile, string> = {
  ca: 'caFile',
  certificate: 'certFile',
  key: 'keyFile',
};

/** The TLS options of one registry's connections, validated before the first request. */
export interface TlsSetup {
  options: ConnectionOptions;
  /** Said once per connection when verification is off. */
  warning?: string;
}

/**
 * Reads the CA, certificate and key files of a registry. `caFile` adds to the trusted roots (Node's
 * own and NODE_EXTRA_CA_CERTS) rather than replacing them; without it nothing is overridden, so
 * whatever VS Code adds to Node's TLS (the OS store) applies.
 */
export async function loadTlsOptions(
  url: string,
  settings: ConnectionSettings,
  secrets: RegistrySecrets,
  readFile: ReadFile,
  env: Readonly<Record<string, string | undefined>>,
): Promise<TlsSetup> {
  const https = new URL(url).protocol === 'https:';
  const options: ConnectionOptions = {};
  if (settings.caFile) {
    const ca = await readPem(readFile, settings.caFile, 'ca');
    const extra = await readExtraCertificates(readFile, env);
    options.ca = [...rootCertificates, ...extra, ca];
  }
  if (settings.auth === 'certificate') {
    if (!https) {
      throw new AuthSetupError('tls', l10n.t('client certificates need an https:// registry URL'));
    }
    const { certFile, keyFile } = settings;
    if (!certFile || !keyFile) {
      throw new AuthSetupError('tls', missingFile(certFile ? 'key' : 'certificate'), {
        fixes: ['clientCertificate'],
      });
    }
    options.cert = await readPem(readFile, certFile, 'certificate');
    options.key = await readPem(readFile, keyFile, 'key');
    if (secrets.keyPassphrase) {
      options.passphrase = secrets.keyPassphrase;
    }
  }
  checkUsable(options, settings);
  if (settings.insecure && https) {
    options.rejectUnauthorized = false;
    const warning = l10n.t({
      message: 'TLS verification is off ({0}): the certificate of this registry is not checked',
      args: ['"insecure": true'],
      comment: ['{0} is a setting, kept as it is'],
    });
    return { options, warning };
  }
  return { options };
}

function missingFile(file: 'certificate' | 'key'): string {
  const [setting, command] = [SETTING_OF[file], l10n.t('Edit Registry...')];
  return file === 'key'
    ? l10n.t({
      message: 'no client key file is configured; set "{0}" with "{1}"',
      args: [setting, command],
      comment: ['{0} is a setting, {1} the command "Edit Registry..."'],
    })
    : l10n.t({
      message: 'no client certificate file is configured; set "{0}" with "{1}"',
      args: [setting, command],
      comment: ['{0} is a setting, {1} the command "Edit Registry..."'],
    });
}

async function readPem(readFile: ReadFile, path: string, file: PemFile): Promise<string> {
  const fixes: RegistryFix[] = [file === 'ca' ? 'caFile' : 'clientCertificate'];
  let text: string;
  try {
    text = await readFile(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const why = code === 'ENOENT' ? l10n.t('it does not exist')
      : code === 'EACCES' ? l10n.t('permission denied')
      : error instanceof Error ? error.message : String(error);
    throw new AuthSetupError('tls', unreadable(file, path, why), { cause: error, fixes });
  }
  const marker = file === 'key' ? 'PRIVATE KEY' : 'CERTIFICATE';
  if (!text.includes('-----BEGIN') || !text.includes(marker)) {
    throw new AuthSetupError('tls', notPem(file, path), { fixes });
  }
  return text;
}

function unreadable(file: PemFile, path: string, why: string): string {
  const args = [path, why, SETTING_OF[file]];
  switch (file) {
    case 'ca':
      return l10n.t({
        message: 'the CA file {0} cannot be read ({1}); check "{2}"',
        args,
        comment: ['{0} is a file, {1} why it cannot be read, {2} a setting'],
      });
    case 'certificate':
      return l10n.t({
        message: 'the client certificate file {0} cannot be read ({1}); check "{2}"',
        args,
        comment: ['{0} is a file, {1} why it cannot be read, {2} a setting'],
      });
    case 'key':
      return l10n.t({
        message: 'the client key file {0} cannot be read ({1}); check "{2}"',
        args,
        comment: ['{0} is a file, {1} why it cannot be read, {2} a setting'],
      });
  }
}

function notPem(file: PemFile, path: string): string {
  const args = [path, SETTING_OF[file]];
  switch (file) {
    case 'ca':
      return l10n.t('the CA file {0} holds no PEM certificate; check "{1}"', ...args);
    case 'certificate':
      return l10n.t(
        'the client certificate file {0} holds no PEM certificate; check "{1}"',
        ...args,
      );
    case 'key':
      return l10n.t('the client key file {0} holds no PEM private key; check "{1}"', ...args);
  }
}

async function readExtraCertificates(
  readFile: ReadFile,
  env: Readonly<Record<string, string | undefined>>,
): Promise<string[]> {
  const path = env['NODE_EXTRA_CA_CERTS'];
  if (!path) {
    return [];
  }
  try {
    return [await readFile(path)];
  } catch {
    return [];
  }
}

/** Builds the context once, so that a wrong key, passphrase or PEM is named before connecting. */
function checkUsable(options: ConnectionOptions, settings: ConnectionSettings): void {
  try {
    createSecureContext(options);
  } catch (error) {
    throw unusable(error, options, settings);
  }
}

function unusable(
  error: unknown,
  options: ConnectionOptions,
  settings: ConnectionSettings,
): AuthSetupError {
  const message = error instanceof Error ? error.message : String(error);
  const text = `${message} ${String((error as { code?: unknown }).code ?? '')}`;
  if (/bad decrypt|BAD_DECRYPT|passphrase|interrupted or cancelled/i.test(text)) {
    const locked = l10n.t({
      message: 'the client key {0} is encrypted and the stored passphrase is missing or wrong',
      args: [settings.keyFile ?? ''],
      comment: ['{0} is a file'],
    });
    const enter = l10n.t({
      message: 'use "{0}" to enter it',
      args: [l10n.t('Sign In Again')],
      comment: ['{0} is the command "Sign In Again"; "it" is the passphrase'],
    });
    return new AuthSetupError('unauthorized', `${locked}; ${enter}`, { cause: error });
  }
  if (/KEY_VALUES_MISMATCH|values mismatch/i.test(text)) {
    const mismatch = l10n.t({
      message: 'the client certificate {0} and key {1} do not belong together',
      args: [settings.certFile ?? '', settings.keyFile ?? ''],
      comment: ['{0} and {1} are files'],
    });
    const check = l10n.t({
      message: 'check "certFile" and "keyFile"',
      comment: ['"certFile" and "keyFile" are settings'],
    });
    const reason = `${mismatch}; ${check}`;
    return new AuthSetupError('tls', reason, { cause: error, fixes: ['clientCertificate'] });
  }
  if (options.ca && !options.cert) {
    const reason = l10n.t({
      message: 'the CA file {0} cannot be used ({1}); check "caFile"',
      args: [settings.caFile ?? '', message],
      comment: ['{0} is a file, {1} an error message of Node.js in English'],
    });
    return new AuthSetupError('tls', reason, { cause: error, fixes: ['caFile'] });
  }
  const reason = l10n.t({
    message: 'the certificate files cannot be used ({0}); check "certFile", "keyFile" and "caFile"',
    args: [message],
    comment: ['{0} is an error message of Node.js, in English'],
  });
  const fixes: RegistryFix[] = ['caFile', 'clientCertificate'];
  return new AuthSetupError('tls', reason, { cause: error, fixes });
}
