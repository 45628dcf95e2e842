// The shape of a classified failure, and what a thrown error's chain of causes tells about it.
import type { RegistryErrorKind, RegistryFix } from './errors';

/** What a low-level failure (socket, DNS, TLS, timeout) means, in words a user can act on. */
export interface TransportFailure {
  kind: RegistryErrorKind;
  reason: string;
  code: string | undefined;
  /** The settings the reason suggests. */
  fixes?: RegistryFix[];
}

/** What the request went over, so that a failure can name the part that failed. */
export interface FailureContext {
  /** The proxy in use, without credentials. */
  proxy?: string;
  /** The client certificate file sent, when the registry is reached with one. */
  clientCertificate?: string;
  https?: boolean;
}

/** The error codes along the cause chain, outermost first. */
export function codesOf(error: unknown): string[] {
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

/** The innermost message of the cause chain: the one that names the socket's problem. */
export function messageOf(error: unknown): string {
  let current: unknown = error;
  let last = '';
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    last = current.message || last;
    current = current.cause;
  }
  return last || String(error);
}

/** The names a certificate was issued for, when Node reports a host name mismatch. */
export function certificateNames(error: unknown): string | undefined {
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
