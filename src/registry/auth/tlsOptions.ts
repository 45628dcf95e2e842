import { createSecureContext, rootCertificates, type ConnectionOptions } from 'node:tls';
import { AuthSetupError, type ConnectionSettings, type RegistrySecrets } from './types';

export type ReadFile = (path: string) => Promise<string>;

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
    const ca = await readPem(readFile, settings.caFile, 'caFile', 'CA', 'CERTIFICATE');
    const extra = await readExtraCertificates(readFile, env);
    options.ca = [...rootCertificates, ...extra, ca];
  }
  if (settings.auth === 'certificate') {
    if (!https) {
      throw new AuthSetupError('tls', 'client certificates need an https:// registry URL');
    }
    const { certFile, keyFile } = settings;
    if (!certFile || !keyFile) {
      const [setting, what] = certFile ? ['keyFile', 'key'] : ['certFile', 'certificate'];
      throw new AuthSetupError(
        'tls',
        `no client ${what} file is configured; set "${setting}" with "Edit Registry..."`,
      );
    }
    const what = 'client certificate';
    options.cert = await readPem(readFile, certFile, 'certFile', what, 'CERTIFICATE');
    options.key = await readPem(readFile, keyFile, 'keyFile', 'client key', 'PRIVATE KEY');
    if (secrets.keyPassphrase) {
      options.passphrase = secrets.keyPassphrase;
    }
  }
  checkUsable(options, settings);
  if (settings.insecure && https) {
    options.rejectUnauthorized = false;
    const warning = 'TLS verification is off ("insecure": true): the certificate of this '
      + 'registry is not checked';
    return { options, warning };
  }
  return { options };
}

async function readPem(
  readFile: ReadFile,
  path: string,
  setting: string,
  what: string,
  marker: string,
): Promise<string> {
  let text: string;
  try {
    text = await readFile(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const why = code === 'ENOENT' ? 'it does not exist'
      : code === 'EACCES' ? 'permission denied'
      : error instanceof Error ? error.message : String(error);
    const reason = `the ${what} file ${path} cannot be read (${why}); check "${setting}"`;
    throw new AuthSetupError('tls', reason, { cause: error });
  }
  if (!text.includes('-----BEGIN') || !text.includes(marker)) {
    const reason = `the ${what} file ${path} holds no PEM ${marker.toLowerCase()}; `
      + `check "${setting}"`;
    throw new AuthSetupError('tls', reason);
  }
  return text;
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
    const reason = `the client key ${settings.keyFile} is encrypted and the stored passphrase `
      + 'is missing or wrong; use "Sign In Again" to enter it';
    return new AuthSetupError('unauthorized', reason, { cause: error });
  }
  let reason: string;
  if (/KEY_VALUES_MISMATCH|values mismatch/i.test(text)) {
    reason = `the client certificate ${settings.certFile} and key ${settings.keyFile} do not `
      + 'belong together; check "certFile" and "keyFile"';
  } else if (options.ca && !options.cert) {
    reason = `the CA file ${settings.caFile} cannot be used (${message}); check "caFile"`;
  } else {
    reason = `the certificate files cannot be used (${message}); check "certFile", "keyFile" `
      + 'and "caFile"';
  }
  return new AuthSetupError('tls', reason, { cause: error });
}
