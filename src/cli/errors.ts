import * as l10n from '@vscode/l10n';
import type { CliEnvelope } from './envelope';

/**
 * One error family for the `anka` CLI: what went wrong while finding, starting or running it.
 * `problem` names a failure a person recognises (a full disk, a dropped connection), when the
 * CLI's words allow it.
 */
export type CliErrorKind =
  | 'notFound'
  | 'unsupportedAuth'
  | 'spawn'
  | 'cancelled'
  | 'failed'
  | 'invalidOutput';

export type CliProblem =
  | 'diskFull'
  | 'connection'
  | 'httpErrorPage'
  | 'authentication'
  | 'uuidMismatch'
  | 'tagExists'
  | 'noRegistry'
  | 'notFound'
  | 'killed';

export interface CliErrorDetails {
  kind: CliErrorKind;
  /** What was attempted, as in "pull 12.4 (vanilla) from CI". */
  operation: string;
  reason: string;
  problem?: CliProblem;
  exitCode?: number | null;
  envelope?: CliEnvelope;
  /** For cancellations: false when the process could not be confirmed gone. */
  stopped?: boolean;
  cause?: unknown;
}

export class CliError extends Error {
  readonly kind: CliErrorKind;
  readonly operation: string;
  readonly reason: string;
  readonly problem: CliProblem | undefined;
  readonly exitCode: number | null | undefined;
  readonly envelope: CliEnvelope | undefined;
  readonly stopped: boolean | undefined;

  constructor(details: CliErrorDetails) {
    super(
      l10n.t({
        message: 'Could not {0}: {1}',
        args: [details.operation, details.reason],
        comment: ['{0} is what failed, such as "pull 12.4 (vanilla) from CI"; {1} is the reason'],
      }),
      details.cause === undefined ? undefined : { cause: details.cause },
    );
    this.name = 'CliError';
    this.kind = details.kind;
    this.operation = details.operation;
    this.reason = details.reason;
    this.problem = details.problem;
    this.exitCode = details.exitCode;
    this.envelope = details.envelope;
    this.stopped = details.stopped;
  }
}

export function isCliError(value: unknown): value is CliError {
  return value instanceof CliError;
}
