import type { RegistryErrorKind } from './errors';

/** What a low-level failure (socket, DNS, TLS, timeout) means, in words a user can act on. */
export interface TransportFailure {
  kind: RegistryErrorKind;
  reason: string;
  code: string | undefined;
}

const TLS_REASONS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the server\'s certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'the certificate chain ends in a self-signed root that is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the server\'s certificate was issued by an unknown CA',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the server\'s certificate was issued by an unknown CA',
  UNABLE_TO_GET_ISSUER_CERT: 'the server\'s certificate was issued by an unknown CA',
  CERT_HAS_EXPIRED: 'the server\'s certificate has expired',
  CERT_NOT_YET_VALID: 'the server\'s certificate is not valid yet',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the server\'s certificate does not match its host name',
  ERR_SSL_WRONG_VERSION_NUMBER: 'the server does not speak TLS on this port (try http://)',
};

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

/** Turns whatever undici or Node threw into a kind and a reason. */
export function classifyTransportError(error: unknown, host: string): TransportFailure {
  const codes = codesOf(error);
  const has = (code: string): boolean => codes.includes(code);
  const code = codes[0];
  const tlsCode = codes.find((candidate) => candidate in TLS_REASONS);
  if (tlsCode !== undefined) {
    return { kind: 'tls', reason: `TLS check failed for ${host}: ${TLS_REASONS[tlsCode]}`, code: tlsCode };
  }
  if (codes.some((candidate) => candidate.startsWith('ERR_SSL') || candidate.startsWith('ERR_TLS'))) {
    return { kind: 'tls', reason: `TLS failed for ${host}: ${messageOf(error)}`, code };
  }
  if (has('ECONNREFUSED')) {
    return { kind: 'connectionRefused', reason: `connection refused by ${host}; is the registry running?`, code };
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
    return { kind: 'connectionReset', reason: `${host} closed the connection without an answer`, code };
  }
  if (has('EHOSTUNREACH') || has('ENETUNREACH')) {
    return { kind: 'network', reason: `${host} cannot be reached from this machine`, code };
  }
  return { kind: 'network', reason: `request to ${host} failed: ${messageOf(error)}`, code };
}
