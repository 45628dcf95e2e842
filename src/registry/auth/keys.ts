import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import * as l10n from '@vscode/l10n';

/** RSA keys of API keys, in the forms users and the registry hand around. */

/**
 * Reads an RSA private key from PEM (PKCS#1 `BEGIN RSA PRIVATE KEY` or PKCS#8) or from the
 * base64 PKCS#1 DER the registry returns for a generated key. Throws with a short reason.
 */
export function parsePrivateKey(text: string): KeyObject {
  const trimmed = text.trim();
  if (trimmed === '') {
    throw new Error(l10n.t('the private key is empty'));
  }
  if (/ENCRYPTED/.test(trimmed)) {
    throw new Error(l10n.t('the private key is encrypted with a passphrase; store it unencrypted'));
  }
  const key = trimmed.includes('-----BEGIN') ? fromPem(trimmed) : fromBase64Der(trimmed);
  if (key.asymmetricKeyType !== 'rsa') {
    throw new Error(
      key.asymmetricKeyType
        ? l10n.t({
          message: 'the private key is an {0} key, not an RSA key',
          args: [key.asymmetricKeyType.toUpperCase()],
          comment: ['{0} is a key type such as EC or ED25519'],
        })
        : l10n.t('the private key is not an RSA key'),
    );
  }
  return key;
}

function fromPem(pem: string): KeyObject {
  if (/BEGIN (RSA )?PUBLIC KEY|BEGIN CERTIFICATE/.test(pem)) {
    throw new Error(l10n.t('this is a public key or certificate, not a private key'));
  }
  try {
    return createPrivateKey({ key: normalizePem(pem), format: 'pem' });
  } catch {
    throw new Error(l10n.t('the PEM text is not a readable private key'));
  }
}

function fromBase64Der(text: string): KeyObject {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
    throw new Error(l10n.t('the private key is neither PEM nor base64'));
  }
  const der = Buffer.from(compact, 'base64');
  for (const type of ['pkcs1', 'pkcs8'] as const) {
    try {
      return createPrivateKey({ key: der, format: 'der', type });
    } catch {
      // Tries the next encoding.
    }
  }
  throw new Error(l10n.t('the base64 text is not a DER private key'));
}

/**
 * PEM text as pasted into a one-line input box, where line breaks became spaces: the body is
 * wrapped again at 64 columns between its BEGIN and END lines.
 */
export function normalizePem(text: string): string {
  const match = /(-----BEGIN [A-Z ]+-----)([\s\S]*?)(-----END [A-Z ]+-----)/.exec(text.trim());
  if (!match || /Proc-Type:/.test(text)) {
    return text;
  }
  const [, begin = '', body = '', end = ''] = match;
  const compact = body.replace(/\s+/g, '');
  const lines = compact.match(/.{1,64}/g) ?? [];
  return [begin, ...lines, end, ''].join('\n');
}

/** A private key as PKCS#1 PEM, the form the anka CLI and OpenSSH tools read. */
export function privateKeyToPem(text: string): string {
  return parsePrivateKey(text).export({ type: 'pkcs1', format: 'pem' }).toString();
}

/**
 * The base64 PKIX (SPKI) DER public key the registry wants when creating a key, from a PEM
 * public key (SPKI or PKCS#1) or from a private key, whose public half is used.
 */
export function publicKeyForRegistry(text: string): string {
  const trimmed = text.trim();
  let key: KeyObject;
  try {
    key = /PRIVATE KEY/.test(trimmed)
      ? createPublicKey(parsePrivateKey(trimmed))
      : createPublicKey({ key: normalizePem(trimmed), format: 'pem' });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(l10n.t('not a usable RSA public key: {0}', reason));
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new Error(l10n.t('the registry needs an RSA public key'));
  }
  return key.export({ type: 'spki', format: 'der' }).toString('base64');
}
