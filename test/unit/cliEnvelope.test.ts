// The CLI's result: the last JSON line on stdout, exit codes, and failures in plain words.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CliError,
  classifyProblem,
  exitCodeMeaning,
  lastEnvelope,
  parseDownloadSize,
  parseLocalVms,
  readableMessage,
  type CliEnvelope,
  type RunResult,
} from '../../src/cli';
import { interpretRun } from '../../src/cli/outcome';

function run(partial: Partial<RunResult>): RunResult {
  return { exitCode: 0, signal: null, stdout: '', stderrTail: '', ...partial };
}

function failure(result: RunResult, kind: 'pull' | 'push' = 'pull'): CliError {
  try {
    interpretRun(result, kind, 'pull 12.4 (vanilla) from CI');
  } catch (error) {
    assert.ok(error instanceof CliError);
    return error;
  }
  throw new Error('expected a failure');
}

const ok = (body: unknown): string => JSON.stringify({ status: 'OK', code: 0, body, message: '' });

describe('envelopes', () => {
  it('takes the last JSON line, skipping text and broken lines', () => {
    const stdout = [ok({ step: 1 }), 'plain text', ok({ step: 2 }), '{"broken": ', ''].join('\n');
    assert.deepEqual(lastEnvelope(stdout)?.body, { step: 2 });
  });

  it('reads code, message and exception type; ignores objects without a status', () => {
    const line = JSON.stringify({
      status: 'ERROR', code: 3, message: 'gone', exception_type: 'VMNotFoundException',
    });
    const envelope = lastEnvelope(`${line}\n{"no": "status"}`);
    assert.deepEqual(envelope, {
      status: 'ERROR',
      code: 3,
      message: 'gone',
      body: undefined,
      exceptionType: 'VMNotFoundException',
    });
    assert.equal(lastEnvelope('[1,2]\nnull\n"text"'), undefined);
  });

  it('knows the documented exit codes per operation', () => {
    assert.match(exitCodeMeaning(3, 'pull') ?? '', /no such template or tag/);
    assert.match(exitCodeMeaning(3, 'push') ?? '', /no such VM/);
    assert.match(exitCodeMeaning(30, 'push') ?? '', /no registry configured/);
    assert.equal(exitCodeMeaning(77, 'pull'), undefined);
  });

  it('recognises full disks, dropped connections, proxy pages and the uuid conflict', () => {
    assert.equal(classifyProblem('write: No space left on device', 1, 'pull'), 'diskFull');
    assert.equal(classifyProblem('read: connection reset by peer', 1, 'pull'), 'connection');
    const page = '<html><title>502 Bad Gateway</title></html>';
    assert.equal(classifyProblem(page, 1, 'pull'), 'httpErrorPage');
    assert.equal(
      classifyProblem("registry uuid abc doesn't match local uuid def", 1, 'push'),
      'uuidMismatch',
    );
    assert.equal(classifyProblem('Authentication Required', 1, 'pull'), 'authentication');
    assert.equal(classifyProblem('anything', 30, 'pull'), 'noRegistry');
    assert.equal(classifyProblem('template x not found', 3, 'pull'), 'notFound');
    assert.equal(classifyProblem('something odd', 1, 'pull'), undefined);
  });

  it('reduces an HTML page to its title', () => {
    const page = '<html><head><title>502 Bad Gateway</title></head><body><h1>x</h1></body></html>';
    assert.equal(readableMessage(page), '502 Bad Gateway');
    const heading = '<html><body><h1>413 Too Large</h1></body></html>';
    assert.equal(readableMessage(heading), '413 Too Large');
    assert.equal(readableMessage('a'.repeat(400)).length, 300);
  });
});

describe('interpreting a run', () => {
  it('returns the OK envelope of a run that exited 0', () => {
    const envelope: CliEnvelope = interpretRun(run({ stdout: ok({ tag: 'v' }) }), 'pull', 'pull');
    assert.deepEqual(envelope.body, { tag: 'v' });
  });

  it('explains exit code 3 of a pull', () => {
    const message = 'tag nope not found in 12.4';
    const stdout = JSON.stringify({ status: 'ERROR', code: 3, message });
    const error = failure(run({ exitCode: 3, stdout }));
    assert.equal(error.kind, 'failed');
    assert.equal(error.problem, 'notFound');
    assert.equal(
      error.message,
      'Could not pull 12.4 (vanilla) from CI: tag nope not found in 12.4 ' +
        '(exit code 3: no such template or tag on the registry)',
    );
  });

  it('names a full disk, a dropped connection and a proxy page', () => {
    const envelopeOf = (message: string): string =>
      JSON.stringify({ status: 'ERROR', code: 1, message });
    const disk = failure(run({ exitCode: 1, stdout: envelopeOf('No space left on device') }));
    assert.match(disk.message, /the disk is full: No space left on device \(exit code 1\)/);
    const dropped = failure(run({ exitCode: 1, stdout: envelopeOf('connection reset by peer') }));
    assert.match(dropped.message, /connection to the registry dropped/);
    const page = '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>';
    const proxy = failure(run({ exitCode: 1, stdout: envelopeOf(page) }));
    assert.match(proxy.message, /HTTP error page: 502 Bad Gateway/);
    assert.ok(!proxy.message.includes('<'), proxy.message);
  });

  it('never calls a non-OK envelope a success, even with exit code 0', () => {
    const stdout = JSON.stringify({ status: 'FAIL', message: 'quota exceeded' });
    const error = failure(run({ exitCode: 0, stdout }));
    assert.match(error.message, /quota exceeded \(exit code 0\)/);
  });

  it('never calls a non-zero exit a success, even with an OK envelope', () => {
    const error = failure(run({ exitCode: 2, stdout: ok({}), stderrTail: 'panic: boom\n' }));
    assert.equal(error.kind, 'failed');
    assert.equal(error.exitCode, 2);
    assert.match(error.message, /panic: boom \(exit code 2\)$/);
  });

  it('says when there is no JSON result at all', () => {
    const crashed = failure(run({ exitCode: 2, stderrTail: 'panic: runtime error\n' }));
    assert.match(crashed.message, /panic: runtime error \(exit code 2\)/);
    const garbage = failure(run({ exitCode: 0, stdout: 'this is not JSON\n' }));
    assert.equal(garbage.kind, 'invalidOutput');
    assert.match(garbage.message, /printed no JSON result: this is not JSON/);
    const killed = failure(run({ exitCode: null, signal: 'SIGKILL' }));
    assert.equal(killed.problem, 'killed');
  });

  it('reports a cancel, and whether the process is gone', () => {
    const ended = { reason: 'cancelled' as const, stopped: true };
    const gone = failure(run({ exitCode: null, signal: 'SIGTERM', ended }));
    assert.equal(gone.kind, 'cancelled');
    assert.equal(gone.stopped, true);
    const stuck = failure(run({ exitCode: null, ended: { reason: 'cancelled', stopped: false } }));
    assert.match(stuck.message, /did not stop/);
  });
});

describe('bodies', () => {
  const envelope = (body: unknown): CliEnvelope =>
    ({ status: 'OK', code: 0, message: '', body, exceptionType: undefined });

  it('reads local VMs and skips entries without a name', () => {
    const vms = parseLocalVms(envelope([
      { uuid: 'u1', name: 'a', status: 'stopped', version: 't1' },
      { uuid: 'u2' },
      'junk',
      { id: 'u3', name: 'b' },
    ]));
    assert.deepEqual(vms, [
      { name: 'a', uuid: 'u1', status: 'stopped', tag: 't1' },
      { name: 'b', uuid: 'u3', status: undefined, tag: undefined },
    ]);
    assert.deepEqual(parseLocalVms(envelope({})), []);
  });

  it('reads the download size; {} means already local', () => {
    assert.deepEqual(parseDownloadSize(envelope({})), { alreadyLocal: true });
    assert.deepEqual(parseDownloadSize(envelope({ size: 100, cached: 30, available: 50 })), {
      alreadyLocal: false, size: 100, cached: 30, available: 50,
    });
    assert.deepEqual(parseDownloadSize(envelope({ size: 100, cached: 500 })), {
      alreadyLocal: false, size: 100, cached: 100, available: undefined,
    });
    assert.equal(parseDownloadSize(envelope({ size: 'big' })), undefined);
    assert.equal(parseDownloadSize(envelope(null)), undefined);
  });
});
