// AnkaCli against the stand-in CLI and the local registry: probe, list, size check, pull and
// push with progress, failures in plain words, cancel, and API keys kept out of sight.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  AnkaCli, CliError, runCli, type CliLogger, type CliRegistry, type ProgressEvent, type RunOptions,
} from '../../src/cli';
import { startLocalRegistry, type LocalRegistry } from '../registry/server';
import {
  createApiKey, FAKE_ANKA, fakeEnv, lastArgs, makeHome, removeHome, waitForRunning, type FakeVm,
} from './fakeAnkaSupport';

const SEQUOIA = '2db3814c-2913-42b9-ae42-c33f1e6124d4';
const VM: FakeVm = {
  uuid: '9a8b7c6d-1111-4222-8333-444455556666',
  name: 'builder',
  status: 'stopped',
  tags: [],
  sizeBytes: 1024 ** 3,
  creationDate: '2026-12-01T00:00:00Z',
};

class MemoryLog implements CliLogger {
  readonly lines: string[] = [];
  trace = (m: string): void => void this.lines.push(`trace ${m}`);
  debug = (m: string): void => void this.lines.push(`debug ${m}`);
  info = (m: string): void => void this.lines.push(`info ${m}`);
  warn = (m: string): void => void this.lines.push(`warn ${m}`);
  error = (m: string): void => void this.lines.push(`error ${m}`);
}

describe('AnkaCli with the stand-in CLI', () => {
  let registry: LocalRegistry;
  let home: string;
  let modes: Record<string, string>;
  let log: MemoryLog;
  let cli: AnkaCli;
  let target: CliRegistry;

  before(async () => {
    registry = await startLocalRegistry({ controlRoutes: true });
    target = { name: 'Local', url: registry.url, auth: { kind: 'none' } };
  });
  after(() => registry.close());
  beforeEach(async () => {
    registry.reset();
    home = await makeHome([VM]);
    modes = { FAKE_ANKA_STEPS: '5' };
    log = new MemoryLog();
    const run = (options: RunOptions) => runCli({ ...options, env: fakeEnv(home, modes) });
    cli = new AnkaCli(FAKE_ANKA, log, run);
  });

  const pullOf = (tag?: string) => ({
    registry: target,
    template: SEQUOIA,
    templateName: 'sequoia',
    tag,
  });

  async function failureOf(promise: Promise<unknown>): Promise<CliError> {
    try {
      await promise;
    } catch (error) {
      assert.ok(error instanceof CliError, String(error));
      return error;
    }
    throw new Error('expected a CliError');
  }

  it('probes the version and the 3.x download size check once', async () => {
    const first = await cli.capabilities();
    assert.deepEqual(first, { version: '3.5.3', downloadSizeCheck: 'pull' });
    assert.equal(await cli.capabilities(), first);
    assert.equal(log.lines.filter((line) => line.includes('download size check')).length, 1);
    await removeHome(home);
  });

  it('lists the VMs of this Mac', async () => {
    assert.deepEqual(await cli.listVms(), [
      { name: 'builder', uuid: VM.uuid, status: 'stopped', tag: undefined },
    ]);
    await removeHome(home);
  });

  it('checks the download size, then pulls with progress that only moves forward', async () => {
    modes = {
      FAKE_ANKA_STEPS: '50',
      FAKE_ANKA_STEP_MS: '1',
      FAKE_ANKA_RESTART_AT: '60',
      FAKE_ANKA_NOISE: '1',
      FAKE_ANKA_FREE_BYTES: '1e12',
    };
    const size = await cli.checkDownloadSize(pullOf('java17'));
    assert.ok(size && !size.alreadyLocal && size.size > 20 * 1024 ** 3, JSON.stringify(size));
    assert.equal(!size.alreadyLocal && size.available, 1e12);

    const events: ProgressEvent[] = [];
    const envelope = await cli.pull(pullOf('java17'), { onProgress: (e) => events.push(e) });
    assert.deepEqual(envelope.body, { id: SEQUOIA, name: 'sequoia', tag: 'java17', number: 2 });
    const increments = events.map((e) => (e.kind === 'progress' ? e.increment : 0));
    assert.ok(increments.every((value) => value >= 0));
    assert.equal(increments.reduce((a, b) => a + b, 0), 100);
    assert.ok(events.some((e) => e.kind === 'restart'), 'the restart shows');
    assert.ok(log.lines.some((line) => /info Running: .*registry -r .* pull -t java17/.test(line)));
    assert.ok(log.lines.some((line) => line.includes('anka stderr: downloading: 100%')));
    const traced = log.lines.some((line) => line.startsWith('trace anka stderr:'));
    assert.ok(traced, 'every line is logged');

    assert.deepEqual(await cli.checkDownloadSize(pullOf('java17')), { alreadyLocal: true });
    await removeHome(home);
  });

  it('names a full disk, a dropped connection, a proxy page, a crash and garbage', async () => {
    const cases: Array<[Record<string, string>, RegExp, string | undefined]> = [
      [{ FAKE_ANKA_FREE_BYTES: '1000' }, /the disk is full: No space left on device/, 'diskFull'],
      [{ FAKE_ANKA_FAIL: 'connection' }, /connection to the registry dropped/, 'connection'],
      [{ FAKE_ANKA_FAIL: 'proxy-html' }, /HTTP error page: 502 Bad Gateway/, 'httpErrorPage'],
      [{ FAKE_ANKA_FAIL: 'crash' }, /panic: runtime error.*\(exit code 2\)/, undefined],
      [{ FAKE_ANKA_FAIL: 'garbage' }, /printed no JSON result/, undefined],
    ];
    for (const [extra, message, problem] of cases) {
      modes = { FAKE_ANKA_STEPS: '5', ...extra };
      const error = await failureOf(cli.pull(pullOf('ssh')));
      assert.match(error.message, message);
      assert.match(error.message, /^Could not pull sequoia \(ssh\) from Local: /);
      assert.equal(error.problem, problem);
    }
    assert.ok(log.lines.some((line) => line.startsWith('error Could not pull')));
    await removeHome(home);
  });

  it('says "no such template or tag" for exit code 3', async () => {
    const error = await failureOf(cli.pull(pullOf('nope')));
    assert.equal(error.problem, 'notFound');
    assert.match(error.message, /exit code 3: no such template or tag on the registry/);
    await removeHome(home);
  });

  it('pushes as a new template and as the next tag of another', async () => {
    await cli.push({ registry: target, vm: 'builder', tag: 'one', description: 'first' });
    assert.deepEqual(registry.template(VM.uuid)?.versions.map((v) => v.tag), ['one']);
    await cli.push({ registry: target, vm: 'builder', tag: 'two', remoteTemplate: 'sequoia' });
    assert.deepEqual(registry.template(SEQUOIA)?.versions.map((v) => v.tag).slice(-1), ['two']);
    await removeHome(home);
  });

  it('recognises the uuid conflict of a push', async () => {
    const clone = await cli.clone('builder', 'sequoia');
    assert.equal(clone.status, 'OK');
    const error = await failureOf(cli.push({ registry: target, vm: 'sequoia', tag: 'x' }));
    assert.equal(error.problem, 'uuidMismatch');
    await removeHome(home);
  });

  it('cancels a pull: the error says cancelled once the process is gone', async () => {
    modes = { FAKE_ANKA_STEPS: '100', FAKE_ANKA_STEP_MS: '200', FAKE_ANKA_CHILD: '1' };
    const controller = new AbortController();
    const pulling = cli.pull(pullOf('ssh'), { signal: controller.signal });
    await waitForRunning(home);
    controller.abort();
    const error = await failureOf(pulling);
    assert.equal(error.kind, 'cancelled');
    assert.equal(error.stopped, true);
    await removeHome(home);
  });

  it('runs two transfers at once; cancelling one leaves the other running', async () => {
    modes = { FAKE_ANKA_STEPS: '20', FAKE_ANKA_STEP_MS: '50' };
    const controller = new AbortController();
    const sums = [0, 0];
    const progress = (index: number) => (event: ProgressEvent): void => {
      sums[index] = (sums[index] ?? 0) + (event.kind === 'progress' ? event.increment : 0);
    };
    const { signal } = controller;
    const cancelled = cli.pull(pullOf('ssh'), { signal, onProgress: progress(0) });
    const kept = cli.pull(pullOf('java17'), { onProgress: progress(1) });
    await waitForRunning(home);
    controller.abort();
    const error = await failureOf(cancelled);
    assert.equal(error.kind, 'cancelled');
    const envelope = await kept;
    assert.equal((envelope.body as { tag: string }).tag, 'java17');
    assert.ok((sums[0] ?? 0) < 100, 'the cancelled pull stopped early');
    assert.equal(sums[1], 100);
    await removeHome(home);
  });

  it('signs in with an API key handed over as a private temp file, never logged', async () => {
    const secured = await startLocalRegistry({ rootToken: 'root-secret', controlRoutes: true });
    try {
      const pem = await createApiKey(secured.url, 'transfer-test', 'root-secret');
      const withKey: CliRegistry = {
        name: 'Secured',
        url: secured.url,
        auth: { kind: 'apiKey', apiKeyId: 'transfer-test', apiKeyPem: pem },
      };
      const envelope = await cli.pull({ ...pullOf('ssh'), registry: withKey });
      assert.equal(envelope.status, 'OK');
      const args = await lastArgs(home);
      const keyArg = args[args.indexOf('--api-key') + 1] ?? '';
      assert.match(keyArg, /anka-key-.*api-key\.pem$/);
      assert.equal(existsSync(keyArg), false, 'the key file is removed after the run');
      const body = pem.split('\n')[1] ?? 'missing';
      assert.ok(!log.lines.some((line) => line.includes(body)), 'the key is never logged');
      const anonymous = { ...withKey, auth: { kind: 'none' as const } };
      const refused = await failureOf(cli.pull({ ...pullOf('ssh'), registry: anonymous }));
      assert.equal(refused.problem, 'authentication');
    } finally {
      await secured.close();
      await removeHome(home);
    }
  });

  it('refuses a root-token registry before starting anything', async () => {
    const rooted: CliRegistry = { ...target, auth: { kind: 'rootToken' } };
    const error = await failureOf(cli.pull({ ...pullOf('ssh'), registry: rooted }));
    assert.equal(error.kind, 'unsupportedAuth');
    assert.ok(!log.lines.some((line) => line.includes('Running:')));
    await removeHome(home);
  });
});
