// TLS failures: which check failed, what fixes it, and a proxy that may be inspecting TLS.
import * as l10n from '@vscode/l10n';
import type { RegistryFix } from './errors';
import {
  certificateNames, messageOf, type FailureContext, type TransportFailure,
} from './failureCause';

/** Setting names stay as they are in every language. */
const CA_FILE = '"caFile"';
const INSECURE = '"insecure": true';
const CERT_FILE = '"certFile"';
const KEY_FILE = '"keyFile"';
const CA_FIXES: RegistryFix[] = ['caFile', 'insecure'];

interface TlsReason {
  text: string;
  fixes: RegistryFix[];
}

/** What to set when the server's certificate cannot be traced to a trusted CA. */
function caFix(selfSigned: boolean): string {
  if (selfSigned) {
    return l10n.t({
      message: 'set {0} for this registry to the PEM certificate itself, or {1} to skip the check',
      args: [CA_FILE, INSECURE],
      comment: ['{0} and {1} are settings, kept as they are'],
    });
  }
  return l10n.t({
    message: 'set {0} for this registry to the PEM certificate of its CA, or {1} to skip the check',
    args: [CA_FILE, INSECURE],
    comment: ['{0} and {1} are settings, kept as they are'],
  });
}

/** An expired certificate: only the registry's administrator can fix it for good. */
function expiredText(): string {
  const expired = l10n.t('the server\'s certificate has expired');
  const renew = l10n.t({
    message: 'the registry\'s administrator must renew it ({0} skips the check meanwhile)',
    args: [INSECURE],
    comment: ['"it" is the server\'s certificate; {0} is a setting, kept as it is'],
  });
  return `${expired}; ${renew}`;
}

/** A certificate for other host names: the registry URL must use one of them. */
function altNameText(): string {
  const mismatch = l10n.t('the server\'s certificate does not match its host name');
  const fix = l10n.t({
    message: 'use a host name the certificate names in the registry URL ("{0}")',
    args: [l10n.t('Edit Registry...')],
    comment: ['{0} is the command "Edit Registry..."'],
  });
  return `${mismatch}; ${fix}`;
}

/** Each TLS check that can fail, and the setting that fixes it; built when needed, translated. */
function tlsReason(code: string): TlsReason | undefined {
  switch (code) {
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
      return {
        text: l10n.t('the server\'s certificate is self-signed; {0}', caFix(true)),
        fixes: CA_FIXES,
      };
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return {
        text: l10n.t(
          'the certificate chain ends in a self-signed root that is not trusted; {0}',
          caFix(false),
        ),
        fixes: CA_FIXES,
      };
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'UNABLE_TO_GET_ISSUER_CERT':
      return {
        text: l10n.t('the server\'s certificate was issued by an unknown CA; {0}', caFix(false)),
        fixes: CA_FIXES,
      };
    case 'CERT_HAS_EXPIRED':
      return {
        text: expiredText(),
        fixes: ['insecure'],
      };
    case 'CERT_NOT_YET_VALID':
      return {
        text: l10n.t('the server\'s certificate is not valid yet; check this machine\'s clock'),
        fixes: [],
      };
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return {
        text: altNameText(),
        fixes: [],
      };
    case 'ERR_SSL_WRONG_VERSION_NUMBER':
      return {
        text: l10n.t('the server does not speak TLS on this port; use http:// in the registry URL'),
        fixes: [],
      };
    default:
      return undefined;
  }
}

const CLIENT_CERT_ALERTS = [
  'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED',
  'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE',
  'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE',
  'ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN',
  'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA',
  'ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED',
  'ERR_SSL_TLSV1_ALERT_DECRYPT_ERROR',
];

/** A failed TLS handshake, named by its check; undefined for other failures. */
export function classifyTls(
  error: unknown,
  codes: string[],
  host: string,
  where: FailureContext,
): TransportFailure | undefined {
  const tlsCode = codes.find((candidate) => tlsReason(candidate) !== undefined);
  const known = tlsCode === undefined ? undefined : tlsReason(tlsCode);
  if (tlsCode !== undefined && known !== undefined) {
    const names = tlsCode === 'ERR_TLS_CERT_ALTNAME_INVALID' ? certificateNames(error) : undefined;
    const issued = names
      ? l10n.t({
        message: '{0} (it is issued for {1})',
        args: [known.text, names],
        comment: ['{0} says what is wrong with the certificate, {1} lists the names it is for'],
      })
      : known.text;
    const reason = l10n.t('TLS check failed for {0}: {1}', host, viaProxyNote(issued, where));
    return { kind: 'tls', reason, code: tlsCode, fixes: withProxyFix(known.fixes, where) };
  }
  const alert = codes.find((candidate) => CLIENT_CERT_ALERTS.includes(candidate));
  if (alert !== undefined) {
    const reason = clientCertificateReason(host, where);
    return { kind: 'tls', reason, code: alert, fixes: ['clientCertificate'] };
  }
  if (codes.some((candidate) => /^ERR_(SSL|TLS)/.test(candidate))) {
    const reason = l10n.t({
      message: 'TLS failed for {0}: {1}',
      args: [host, viaProxyNote(messageOf(error), where)],
      comment: ['{1} is the error message of Node.js, in English'],
    });
    return { kind: 'tls', reason, code: codes[0], fixes: withProxyFix([], where) };
  }
  return undefined;
}

/** A proxy that inspects TLS is trusted through `caFile`, whatever the failure. */
function withProxyFix(fixes: RegistryFix[], where: FailureContext): RegistryFix[] {
  return where.proxy && !fixes.includes('caFile') ? ['caFile', ...fixes] : fixes;
}

/** A TLS failure through a proxy may be the proxy's own certificate: say so. */
function viaProxyNote(reason: string, where: FailureContext): string {
  if (!where.proxy) {
    return reason;
  }
  return l10n.t({
    message: '{0} (through the proxy {1}: if it inspects TLS, set {2} to its CA)',
    args: [reason, where.proxy, CA_FILE],
    comment: ['{0} is why TLS failed, {1} the proxy URL, {2} a setting kept as it is'],
  });
}

/** What to check about a client certificate that the registry refused. */
function pairCheck(): string {
  return l10n.t({
    message: 'check that {0} and {1} are a pair issued by a CA the registry trusts and not expired',
    args: [CERT_FILE, KEY_FILE],
    comment: ['{0} and {1} are settings, kept as they are'],
  });
}

function clientCertificateReason(host: string, where: FailureContext): string {
  if (where.clientCertificate) {
    const refused = l10n.t({
      message: '{0} refused the client certificate {1}',
      args: [host, where.clientCertificate],
      comment: ['{0} is the registry host, {1} a file'],
    });
    return `${refused}; ${pairCheck()}`;
  }
  const required = l10n.t({
    message: '{0} requires a client certificate',
    args: [host],
    comment: ['{0} is the registry host'],
  });
  const choose = l10n.t({
    message: 'choose one with "{0}" (auth "certificate" with "certFile" and "keyFile")',
    args: [l10n.t('Sign In Again')],
    comment: [
      '{0} is the command "Sign In Again"; ',
      '"certificate", "certFile", "keyFile" are settings',
    ],
  });
  return `${required}; ${choose}`;
}
