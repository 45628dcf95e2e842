import { RegistryError, type RegistryErrorKind } from '../errors';
import { AuthSetupError } from './types';

/** What went wrong while preparing a request's credentials or connection, for a RegistryError. */
export function setupFailure(error: unknown): {
  kind: RegistryErrorKind;
  reason: string;
  code?: string;
} {
  if (error instanceof AuthSetupError) {
    return { kind: error.kind, reason: error.message };
  }
  if (error instanceof RegistryError) {
    return { kind: error.kind, reason: error.reason, code: error.code };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'network', reason: `the connection could not be set up: ${message}` };
}

/** A 401 with what was sent and what to do added to its reason; anything else unchanged. */
export function withUnauthorizedHint(error: unknown, hint: string | undefined): unknown {
  if (!(error instanceof RegistryError) || error.kind !== 'unauthorized' || !hint) {
    return error;
  }
  return new RegistryError({
    kind: error.kind,
    operation: error.operation,
    registryName: error.registryName,
    registryUrl: error.registryUrl,
    reason: `${error.reason}; ${hint}`,
    httpStatus: error.httpStatus,
    envelopeStatus: error.envelopeStatus,
    code: error.code,
    cause: error,
  });
}
