import * as l10n from '@vscode/l10n';

/**
 * One error family for everything that can go wrong while talking to a registry. Each error says
 * what failed (the operation), where (registry name and URL, never credentials) and why.
 */
export type RegistryErrorKind =
  | 'timeout'
  | 'cancelled'
  | 'connectionRefused'
  | 'connectionReset'
  | 'dns'
  | 'tls'
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'http'
  | 'envelope'
  | 'invalidResponse'
  | 'network';

/**
 * A setting that can fix a failure, for dialogs that offer it as a button: the reason is
 * translated, so code must not search its words.
 */
export type RegistryFix = 'caFile' | 'insecure' | 'clientCertificate';

export interface RegistryErrorDetails {
  kind: RegistryErrorKind;
  operation: string;
  registryName: string;
  registryUrl: string;
  reason: string;
  httpStatus?: number;
  envelopeStatus?: string;
  code?: string;
  fixes?: readonly RegistryFix[];
  cause?: unknown;
}

export class RegistryError extends Error {
  readonly kind: RegistryErrorKind;
  readonly operation: string;
  readonly registryName: string;
  readonly registryUrl: string;
  readonly reason: string;
  readonly httpStatus: number | undefined;
  readonly envelopeStatus: string | undefined;
  readonly code: string | undefined;
  readonly fixes: readonly RegistryFix[];

  constructor(details: RegistryErrorDetails) {
    super(
      l10n.t({
        message: 'Could not {0} on registry "{1}" ({2}): {3}',
        args: [details.operation, details.registryName, details.registryUrl, details.reason],
        comment: [
          '{0} is what failed, such as "list templates"; {1} is the registry name, {2} its URL',
          ' and {3} the reason',
        ],
      }),
      details.cause === undefined ? undefined : { cause: details.cause },
    );
    this.name = 'RegistryError';
    this.kind = details.kind;
    this.operation = details.operation;
    this.registryName = details.registryName;
    this.registryUrl = details.registryUrl;
    this.reason = details.reason;
    this.httpStatus = details.httpStatus;
    this.envelopeStatus = details.envelopeStatus;
    this.code = details.code;
    this.fixes = details.fixes ?? [];
  }

  /** True when trying again later, without changing anything, may succeed. */
  get isTransient(): boolean {
    return ['timeout', 'connectionRefused', 'connectionReset', 'network'].includes(this.kind);
  }
}

export function isRegistryError(value: unknown): value is RegistryError {
  return value instanceof RegistryError;
}

/** A user-facing sentence for any thrown value: never a raw TypeError or stack. */
export function describeError(error: unknown): string {
  if (error instanceof RegistryError) {
    return error.message;
  }
  if (error instanceof Error && error.message) {
    return error.message;
  }
  return String(error);
}
