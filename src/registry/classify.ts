import type { RegistryErrorKind } from './errors';

/** What a low-level failure (socket, DNS, TLS, timeout) means, in words a user can act on. */
export interface TransportFailure {
  kind: RegistryErrorKind;
  reason: string;
  code: string | undefined;
}

/** What the request went over, so that a failure can name the part that failed. */
export interface FailureContext {
  /** The proxy in use, without credentials. */
  proxy?: string;
  /** The client certificate file sent, when the registry is reached with one. */
  clientCertificate?: string;
  https?: boolean;
}

const CA_FIX = 'set "caFile" for this registry to the PEM certificate of the CA that issued it, '
  + 'or "insecure": true to skip the check';

const UNKNOWN_CA = `the server's certificate was issued by an unknown CA; ${CA_FIX}`;

/** Each TLS check that can fail, and the setting that fixes it. */
const TLS_REASONS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: `the server's certificate is self-signed; ${CA_FIX.replace(
    'of the CA that issued it', 'itself')}`,
  SELF_SIGNED_CERT_IN_CHAIN: 'the certificate chain ends in a self-signed root that is not '
    + `trusted; ${CA_FIX}`,
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: UNKNOWN_CA,
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: UNKNOWN_CA,
  UNABLE_TO_GET_ISSUER_CERT: UNKNOWN_CA,
  CERT_HAS_EXPIRED: 'the server\'s certificate has expired; the registry\'s administrator must '
    + 'renew it ("insecure": true skips the check meanwhile)',
  CERT_NOT_YET_VALID: 'the server\'s certificate is not valid yet; check this machine\'s clock',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the server\'s certificate does not match its host name; use a '
    + 'host name the certificate names in the registry URL ("Edit Registry...")',
  ERR_SSL_WRONG_VERSION_NUMBER: 'the server does not speak TLS on this port; use http:// in the '
    + 'registry URL',
};

const CLIENT_CERT_ALERTS = [
  'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED',
  'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE',
  'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE',
  'ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN',
  'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA',
  'ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED',
  'ERR_SSL_TLSV1_ALERT_DECRYPT_ERROR',
];

/** Template permissions a registry names when it refuses one (HTTP 403). */
const PERMISSIONS = ['list', 'get_config', 'pull', 'push_tag', 'delete_revert', 'set_arch'];

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      codes.push(code);
    }
    current = current.cause;
  }
  return codes;
}

function messageOf(error: unknown): string {
  let current: unknown = error;
  let last = '';
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    last = current.message || last;
    current = current.cause;
  }
  return last || String(error);
}

/** The names a certificate was issued for, when Node reports a host name mismatch. */
function certificateNames(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const names = (current as { cert?: { subjectaltname?: unknown } }).cert?.subjectaltname;
    if (typeof names === 'string' && names !== '') {
      return names;
    }
    current = current.cause;
  }
  return undefined;
}

/** Turns whatever undici or Node threw into a kind and a reason. */
export function classifyTransportError(
  error: unknown,
  host: string,
  context: FailureContext | string = {},
): TransportFailure {
  const where = typeof context === 'string' ? { proxy: context } : context;
  const codes = codesOf(error);
  const code = codes[0];
  const tls = classifyTls(error, codes, host, where);
  if (tls) {
    return tls;
  }
  if (where.proxy) {
    const viaProxy = classifyProxy(error, codes, host, where.proxy);
    if (viaProxy) {
      return viaProxy;
    }
  }
  const has = (candidate: string): boolean => codes.includes(candidate);
  if (has('ECONNREFUSED')) {
    const reason = `connection refused by ${host}; is the registry running?`;
    return { kind: 'connectionRefused', reason, code };
  }
  if (has('ENOTFOUND') || has('EAI_AGAIN') || has('EAI_NONAME')) {
    return { kind: 'dns', reason: `the host name ${host} could not be resolved`, code };
  }
  if (has('UND_ERR_CONNECT_TIMEOUT') || has('ETIMEDOUT')) {
    return { kind: 'timeout', reason: `connecting to ${host} timed out`, code };
  }
  if (has('UND_ERR_HEADERS_TIMEOUT') || has('UND_ERR_BODY_TIMEOUT')) {
    return { kind: 'timeout', reason: `${host} stopped answering`, code };
  }
  if (has('ECONNRESET') || has('UND_ERR_SOCKET') || has('EPIPE') || has('UND_ERR_CLOSED')) {
    return { kind: 'connectionReset', reason: closedReason(host, where), code };
  }
  if (has('EHOSTUNREACH') || has('ENETUNREACH')) {
    return { kind: 'network', reason: `${host} cannot be reached from this machine`, code };
  }
  return { kind: 'network', reason: `request to ${host} failed: ${messageOf(error)}`, code };
}

function classifyTls(
  error: unknown,
  codes: string[],
  host: string,
  where: FailureContext,
): TransportFailure | undefined {
  const tlsCode = codes.find((candidate) => candidate in TLS_REASONS);
  const proxyNote = where.proxy
    ? ` (through the proxy ${where.proxy}: if it inspects TLS, set "caFile" to its CA)`
    : '';
  if (tlsCode !== undefined) {
    const names = tlsCode === 'ERR_TLS_CERT_ALTNAME_INVALID' ? certificateNames(error) : undefined;
    const issued = names ? ` (it is issued for ${names})` : '';
    const reason = `TLS check failed for ${host}: ${TLS_REASONS[tlsCode]}${issued}${proxyNote}`;
    return { kind: 'tls', reason, code: tlsCode };
  }
  const alert = codes.find((candidate) => CLIENT_CERT_ALERTS.includes(candidate));
  if (alert !== undefined) {
    return { kind: 'tls', reason: clientCertificateReason(host, where), code: alert };
  }
  if (codes.some((candidate) => /^ERR_(SSL|TLS)/.test(candidate))) {
    const reason = `TLS failed for ${host}: ${messageOf(error)}${proxyNote}`;
    return { kind: 'tls', reason, code: codes[0] };
  }
  return undefined;
}

function clientCertificateReason(host: string, where: FailureContext): string {
  if (where.clientCertificate) {
    return `${host} refused the client certificate ${where.clientCertificate}; check that `
      + '"certFile" and "keyFile" are a pair issued by a CA the registry trusts and not expired';
  }
  return `${host} requires a client certificate; choose one with "Sign In Again" (auth `
    + '"certificate" with "certFile" and "keyFile")';
}

/** A closed connection on https right after the handshake is how servers refuse certificates. */
function closedReason(host: string, where: FailureContext): string {
  const plain = `${host} closed the connection without an answer`;
  if (!where.https) {
    return plain;
  }
  if (where.clientCertificate) {
    return `${plain}; if it checks client certificates, it refused ${where.clientCertificate} `
      + '(check that "certFile" and "keyFile" are a pair issued by a CA the registry trusts)';
  }
  return `${plain}; if it requires a client certificate, choose one with "Sign In Again"`;
}

function classifyProxy(
  error: unknown,
  codes: string[],
  host: string,
  proxy: string,
): TransportFailure | undefined {
  const code = codes[0];
  const message = messageOf(error);
  const status = /Proxy response \((\d{3})\)|\((407)\)/.exec(message);
  const proxyStatus = status?.[1] ?? status?.[2];
  if (proxyStatus === '407') {
    const reason = `the proxy ${proxy} wants credentials (HTTP 407); add them to "http.proxy" `
      + 'or "http.proxyAuthorization"';
    return { kind: 'network', reason, code };
  }
  if (proxyStatus !== undefined) {
    const reason = `the proxy ${proxy} could not connect to ${host} (HTTP ${proxyStatus}); add the `
      + 'host to "http.noProxy" if it must be reached directly';
    return { kind: 'network', reason, code };
  }
  const has = (candidate: string): boolean => codes.includes(candidate);
  const via = `the proxy ${proxy} (from "http.proxy" or HTTP(S)_PROXY)`;
  if (has('ECONNREFUSED')) {
    const reason = `connection refused by ${via}; is it running?`;
    return { kind: 'connectionRefused', reason, code };
  }
  if (has('ENOTFOUND') || has('EAI_AGAIN') || has('EAI_NONAME')) {
    return { kind: 'dns', reason: `the host name of ${via} could not be resolved`, code };
  }
  if (has('UND_ERR_CONNECT_TIMEOUT') || has('ETIMEDOUT')) {
    return { kind: 'timeout', reason: `connecting to ${via} timed out`, code };
  }
  if (has('ECONNRESET') || has('UND_ERR_SOCKET') || has('UND_ERR_CLOSED')) {
    return { kind: 'connectionReset', reason: `${via} closed the connection to ${host}`, code };
  }
  return undefined;
}

/** What a 403 means: the missing permission when the registry names it. */
export function explainForbidden(said: string | undefined): string {
  const text = said ?? '';
  const named = PERMISSIONS.filter((permission) => permission.includes('_'))
    .find((permission) => new RegExp(`\\b${permission}\\b`, 'i').test(text))
    ?? (/permission|not allowed|denied/i.test(text)
      ? PERMISSIONS.find((permission) => new RegExp(`\\b${permission}\\b`, 'i').test(text))
      : undefined);
  if (named) {
    return `the credentials in use lack the "${named}" permission; ask the registry's `
      + 'administrator to add it to one of your groups';
  }
  return 'the credentials in use are not allowed to do this; ask the registry\'s administrator '
    + 'which group grants it';
}
