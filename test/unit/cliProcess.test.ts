// Running the CLI: its own process group, output collection, and a cancel that ends the whole
// group within two seconds, also when SIGTERM is ignored.
import assert from 'node:assert/strict';
import { chmod, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CliError, runCli } from '../../src/cli';
import { startLocalRegistry, type LocalRegistry } from '../registry/server';
import {
  FAKE_ANKA, fakeEnv, isAlive, makeHome, removeHome, waitForRunning,
} from './fakeAnkaSupport';

describe('running the anka CLI', () => {
  let registry: LocalRegistry;
  let home: string;

  before(async () => {
    registry = await startLocalRegistry({ controlRoutes: true });
    home = await makeHome();
  });
  after(async () => {
    await registry.close();
    await removeHome(home);
  });

  const slowPull = (modes: Record<string, string>, signal?: AbortSignal) =>
    runCli({
      executable: FAKE_ANKA,
      args: ['-j', 'registry', '-r', registry.url, 'pull', '-t', 'vanilla', '12.4'],
      operation: 'pull 12.4',
      env: fakeEnv(home, { FAKE_ANKA_STEP_MS: '200', FAKE_ANKA_STEPS: '100', ...modes }),
      signal,
    });

  it('collects stdout and stderr lines and the exit code', async () => {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const ownHome = await makeHome();
    const result = await runCli({
      executable: FAKE_ANKA,
      args: ['-j', 'registry', '-r', registry.url, 'pull', '-t', 'vanilla', '12.4'],
      operation: 'pull',
      env: fakeEnv(ownHome, { FAKE_ANKA_STEPS: '2' }),
      onStdoutLine: (line) => stdout.push(line),
      onStderrLine: (line) => stderr.push(line),
    });
    assert.equal(result.exitCode, 0);
    assert.equal(result.ended, undefined);
    assert.equal(stdout.length, 2, 'a first JSON line and the result');
    assert.match(result.stdout, /"status":"OK"/);
    assert.ok(stderr.some((line) => /^downloading: 100%/.test(line)), stderr.join('\n'));
    assert.match(result.stderrTail, /downloading: 50%/);
    await removeHome(ownHome);
  });

  it('returns the exit code of a failure', async () => {
    const result = await runCli({
      executable: FAKE_ANKA,
      args: ['-j', 'registry', '-r', registry.url, 'pull', '-t', 'nope', '12.4'],
      operation: 'pull',
      env: fakeEnv(home),
    });
    assert.equal(result.exitCode, 3);
    assert.match(result.stdout, /"code":3/);
  });

  for (const [name, modes] of [
    ['with a helper child', { FAKE_ANKA_CHILD: '1' }],
    ['that ignores SIGTERM', { FAKE_ANKA_CHILD: '1', FAKE_ANKA_IGNORE_SIGTERM: '1' }],
  ] as const) {
    it(`cancel ends the CLI ${name} and its children within 2 s`, async () => {
      const controller = new AbortController();
      const running = slowPull(modes, controller.signal);
      const record = await waitForRunning(home);
      assert.ok(record.childPid, 'the stand-in started a helper child');
      assert.ok(await isAlive(record.pid));
      assert.ok(await isAlive(record.childPid));

      const started = Date.now();
      controller.abort();
      const result = await running;
      const elapsed = Date.now() - started;

      assert.ok(elapsed < 2000, `ended in ${elapsed} ms`);
      assert.deepEqual(result.ended, { reason: 'cancelled', stopped: true });
      assert.equal(await isAlive(record.pid), false, 'the CLI is gone');
      assert.equal(await isAlive(record.childPid), false, 'its child is gone');
      await rm(path.join(home, 'running', `${record.pid}.json`));
    });
  }

  it('a cancel before the start still ends the process', async () => {
    const controller = new AbortController();
    controller.abort();
    const started = Date.now();
    const result = await slowPull({}, controller.signal);
    assert.equal(result.ended?.reason, 'cancelled');
    assert.equal(result.exitCode, null);
    assert.ok(Date.now() - started < 2000);
  });

  it('a timeout ends the process group like a cancel', async () => {
    const result = await runCli({
      executable: FAKE_ANKA,
      args: ['-j', 'registry', '-r', registry.url, 'pull', '-t', 'vanilla', '12.4'],
      operation: 'pull',
      env: fakeEnv(home, { FAKE_ANKA_STEP_MS: '200', FAKE_ANKA_STEPS: '100' }),
      timeoutMs: 300,
    });
    assert.deepEqual(result.ended, { reason: 'timeout', stopped: true });
  });

  it('rejects with notFound for a missing executable', async () => {
    await assert.rejects(
      runCli({ executable: path.join(home, 'no-such-anka'), args: [], operation: 'pull 12.4' }),
      (error: unknown) => error instanceof CliError && error.kind === 'notFound',
    );
  });

  it('rejects with spawn for a file that is not executable', async () => {
    const file = path.join(home, 'not-executable');
    await writeFile(file, '#!/bin/sh\n');
    await chmod(file, 0o644);
    await assert.rejects(
      runCli({ executable: file, args: [], operation: 'pull 12.4' }),
      (error: unknown) => error instanceof CliError && /not executable/.test(error.message),
    );
  });
});
