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
      reason: stopped ? 'cancelled' : 'cancelled, but the anka CLI did not stop in time',
    });
  }
  if (result.ended?.reason === 'timeout') {
    return fail({ kind: 'failed', operation, reason: 'the anka CLI did not finish in time' });
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
    reason: reasonText(problem, message || `status ${envelope.status}`, code, kind),
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
      reason: `the anka CLI was stopped by ${result.signal} before it finished`,
    };
  }
  const code = result.exitCode ?? undefined;
  const problem = classifyProblem(printed, code, kind);
  const said = readableMessage(lastLine(result.stderrTail) || result.stdout);
  const detail = said ? `: ${said}` : '';
  if (result.exitCode === 0) {
    return {
      kind: 'invalidOutput',
      operation,
      problem,
      exitCode: 0,
      reason: `the anka CLI printed no JSON result${detail}`,
    };
  }
  return {
    kind: 'failed',
    operation,
    problem,
    exitCode: result.exitCode,
    reason: reasonText(problem, said || 'it printed no result', code, kind),
  };
}

function reasonText(
  problem: CliProblem | undefined,
  message: string,
  code: number | undefined,
  kind: CliOperationKind,
): string {
  const meaning = code === undefined ? undefined : exitCodeMeaning(code, kind);
  const exit = code === undefined ? '' : ` (exit code ${code}${meaning ? `: ${meaning}` : ''})`;
  const covered = problem === undefined || problem === 'notFound' || problem === 'noRegistry';
  const prefix = covered ? '' : `${describeProblem(problem)}: `;
  return `${prefix}${message}${exit}`;
}

function lastLine(text: string): string {
  const lines = text.split(/\r\n|\r|\n/).map((line) => line.trim()).filter(Boolean);
  return lines[lines.length - 1] ?? '';
}

function fail(details: CliErrorDetails): never {
  throw new CliError(details);
}
