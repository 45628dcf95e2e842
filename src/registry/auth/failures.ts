import * as l10n from '@vscode/l10n';
import { RegistryError, type RegistryErrorKind, type RegistryFix } from '../errors';
import { AuthSetupError } from './types';

/** What went wrong while preparing a request's credentials or connection, for a RegistryError. */
export function setupFailure(error: unknown): {
  kind: RegistryErrorKind;
  reason: string;
  code?: string;
  fixes?: readonly RegistryFix[];
} {
  if (error instanceof AuthSetupError) {
    return { kind: error.kind, reason: error.message, fixes: error.fixes };
  }
  if (error instanceof RegistryError) {
    return { kind: error.kind, reason: error.reason, code: error.code, fixes: error.fixes };
  }
  const message = error instanceof Error ? error.message : String(error);
  const reason = l10n.t({
    message: 'the connection could not be set up: {0}',
    args: [message],
    comment: ['{0} is an error message of Node.js, in English'],
  });
  return { kind: 'network', reason };
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
    fixes: error.fixes,
    cause: error,
  });
}
