import * as l10n from '@vscode/l10n';
import {
  classifyProblem, describeProblem, exitCodeMeaning, isOk, lastEnvelope, readableMessage,
  type CliEnvelope, type CliOperationKind,
} from './envelope';
import { CliError, type CliErrorDetails, type CliProblem } from './errors';
import type { RunResult } from './run';

/**
 * Reads a finished run: the last JSON line on stdout decides, together with the exit code.
 * Anything but an `OK` envelope with exit code 0 becomes a CliError that says why.
 */
export function interpretRun(
  result: RunResult,
  kind: CliOperationKind,
  operation: string,
): CliEnvelope {
  if (result.ended?.reason === 'cancelled') {
    const stopped = result.ended.stopped;
    return fail({
      kind: 'cancelled',
      operation,
      stopped,
      reason: stopped
        ? l10n.t('cancelled')
        : l10n.t('cancelled, but the anka CLI did not stop in time'),
    });
  }
  if (result.ended?.reason === 'timeout') {
    const reason = l10n.t('the anka CLI did not finish in time');
    return fail({ kind: 'failed', operation, reason });
  }
  const envelope = lastEnvelope(result.stdout);
  if (envelope && isOk(envelope) && result.exitCode === 0) {
    return envelope;
  }
  // An OK line followed by a failing exit is an intermediate line of a CLI that died.
  if (!envelope || (isOk(envelope) && result.exitCode !== 0)) {
    return fail(withoutEnvelope(result, kind, operation));
  }
  const exited = result.exitCode !== null && result.exitCode !== 0 ? result.exitCode : undefined;
  const code = exited ?? envelope.code ?? result.exitCode ?? undefined;
  const message = readableMessage(envelope.message || lastLine(result.stderrTail));
  const problem = classifyProblem(
    `${envelope.message}\n${result.stderrTail}`,
    code,
    kind,
  );
  return fail({
    kind: 'failed',
    operation,
    problem,
    exitCode: result.exitCode,
    envelope,
    reason: reasonText(problem, message || statusText(envelope.status), code, kind),
  });
}

function withoutEnvelope(
  result: RunResult,
  kind: CliOperationKind,
  operation: string,
): CliErrorDetails {
  const printed = `${result.stdout}\n${result.stderrTail}`;
  if (result.signal) {
    return {
      kind: 'failed',
      operation,
      problem: 'killed',
      exitCode: result.exitCode,
      reason: l10n.t({
        message: 'the anka CLI was stopped by {0} before it finished',
        args: [result.signal],
        comment: ['{0} is a signal such as SIGKILL'],
      }),
    };
  }
  const code = result.exitCode ?? undefined;
  const problem = classifyProblem(printed, code, kind);
  const said = readableMessage(lastLine(result.stderrTail) || result.stdout);
  if (result.exitCode === 0) {
    const reason = said
      ? l10n.t({
        message: 'the anka CLI printed no JSON result: {0}',
        args: [said],
        comment: ['{0} is the last thing the CLI printed'],
      })
      : l10n.t('the anka CLI printed no JSON result');
    return { kind: 'invalidOutput', operation, problem, exitCode: 0, reason };
  }
  return {
    kind: 'failed',
    operation,
    problem,
    exitCode: result.exitCode,
    reason: reasonText(problem, said || l10n.t('it printed no result'), code, kind),
  };
}

function reasonText(
  problem: CliProblem | undefined,
  message: string,
  code: number | undefined,
  kind: CliOperationKind,
): string {
  const covered = problem === undefined || problem === 'notFound' || problem === 'noRegistry';
  const told = covered
    ? message
    : l10n.t({
      message: '{0}: {1}',
      args: [describeProblem(problem), message],
      comment: ['{0} names the problem, such as "the disk is full"; {1} is what the CLI said'],
    });
  if (code === undefined) {
    return told;
  }
  const meaning = exitCodeMeaning(code, kind);
  return meaning
    ? l10n.t({
      message: '{0} (exit code {1}: {2})',
      args: [told, code, meaning],
      comment: ['{0} is what the CLI said, {1} its exit code, {2} what the code means'],
    })
    : l10n.t({
      message: '{0} (exit code {1})',
      args: [told, code],
      comment: ['{0} is what the CLI said, {1} its exit code'],
    });
}

function statusText(status: string): string {
  return l10n.t({
    message: 'status {0}',
    args: [status],
    comment: ['{0} is the status word the CLI printed, such as FAIL'],
  });
}

function lastLine(text: string): string {
  const lines = text.split(/\r\n|\r|\n/).map((line) => line.trim()).filter(Boolean);
  return lines[lines.length - 1] ?? '';
}

function fail(details: CliErrorDetails): never {
  throw new CliError(details);
}
