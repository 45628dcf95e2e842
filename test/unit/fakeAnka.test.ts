// The stand-in anka CLI kept honest against the documented behaviour: `-j` envelopes on stdout,
// progress on stderr, exit codes, and a registry whose state pull and push really use.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startLocalRegistry, type LocalRegistry } from '../registry/server';
import {
  createApiKey, FAKE_ANKA, fakeEnv, lastArgs, makeHome, readVms, removeHome, type FakeVm,
} from './fakeAnkaSupport';

const MONTEREY = 'c12ccfa5-8757-411e-9505-128190e9854e';
const SEQUOIA = '2db3814c-2913-42b9-ae42-c33f1e6124d4';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** The last JSON line on stdout. */
  result: { status: string; code: number; body: unknown; message: string; exception_type?: string };
}

function anka(home: string, args: string[], modes: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(FAKE_ANKA, args, { env: fakeEnv(home, modes) }, (error, stdout, stderr) => {
      const lines = stdout.trim().split('\n');
      let result: Run['result'];
      try {
        result = JSON.parse(lines[lines.length - 1] ?? '') as Run['result'];
      } catch {
        result = { status: 'NONE', code: -1, body: undefined, message: stdout };
      }
      const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
      resolve({ code, stdout, stderr, result });
    });
  });
}

const LOCAL_VM: FakeVm = {
  uuid: '0a0b0c0d-1111-4222-8333-444455556666',
  name: 'runner',
  status: 'stopped',
  tags: [],
  sizeBytes: 1024 ** 3,
  creationDate: '2026-12-01T00:00:00Z',
};

describe('the stand-in anka CLI', () => {
  let registry: LocalRegistry;
  let home: string;

  before(async () => {
    registry = await startLocalRegistry({ controlRoutes: true });
  });
  after(() => registry.close());
  beforeEach(async () => {
    registry.reset();
    home = await makeHome([LOCAL_VM]);
  });

  const registryArgs = (...rest: string[]): string[] => [
    '-j', 'registry', '-r', registry.url, ...rest,
  ];
  const sizeArgs = (tag: string, template: string): string[] => [
    '-j', 'pull', '--check-download-size', '-t', tag, template, registry.url,
  ];

  it('answers version and help like a 3.x CLI', async () => {
    const version = await anka(home, ['-j', 'version']);
    assert.equal(version.result.status, 'OK');
    assert.match((version.result.body as { version: string }).version, /^3\./);
    const help = await anka(home, ['pull', '--help']);
    assert.match(help.stdout, /usage: pull/);
    assert.match(help.stdout, /--check-download-size/);
    const registryHelp = await anka(home, ['registry', '--help']);
    assert.match(registryHelp.stdout, /--api-key-id/);
    assert.doesNotMatch(registryHelp.stdout, /^\s*check-download-size/m);
    await removeHome(home);
  });

  it('lists local VMs as a -j envelope', async () => {
    const run = await anka(home, ['-j', 'list']);
    assert.equal(run.code, 0);
    assert.deepEqual(run.result.body, [
      {
        uuid: LOCAL_VM.uuid,
        name: 'runner',
        status: 'stopped',
        creation_date: LOCAL_VM.creationDate,
      },
    ]);
    await removeHome(home);
  });

  it('pulls a tag with progress on stderr and several JSON lines on stdout', async () => {
    const args = registryArgs('pull', '-t', 'vanilla', MONTEREY);
    const run = await anka(home, args, { FAKE_ANKA_STEPS: '4' });
    assert.equal(run.code, 0);
    assert.equal(run.stdout.trim().split('\n').length, 2);
    assert.equal(run.result.status, 'OK');
    assert.deepEqual(run.result.body, { id: MONTEREY, name: '12.4', tag: 'vanilla', number: 0 });
    const percents = [...run.stderr.matchAll(/downloading: (\d+)%/g)].map((m) => Number(m[1]));
    assert.deepEqual(percents, [25, 50, 75, 100]);
    const pulled = (await readVms(home)).find((vm) => vm.uuid === MONTEREY);
    assert.deepEqual(pulled?.tags, ['vanilla']);
    await removeHome(home);
  });

  it('pulls the newest tag without -t, and keeps or shrinks other local tags', async () => {
    await anka(home, registryArgs('pull', '-t', 'vanilla', '12.4'), { FAKE_ANKA_STEPS: '1' });
    const newest = await anka(home, registryArgs('pull', '12.4'), { FAKE_ANKA_STEPS: '1' });
    assert.equal((newest.result.body as { tag: string }).tag, 'vanilla+port-forward-22+brew-git');
    let vm = (await readVms(home)).find((v) => v.uuid === MONTEREY);
    assert.deepEqual(vm?.tags, ['vanilla', 'vanilla+port-forward-22+brew-git']);
    await anka(home, registryArgs('pull', '-s', '-t', 'vanilla+port-forward-22', '12.4'), {
      FAKE_ANKA_STEPS: '1',
    });
    vm = (await readVms(home)).find((v) => v.uuid === MONTEREY);
    assert.deepEqual(vm?.tags, ['vanilla+port-forward-22']);
    await removeHome(home);
  });

  it('reports the download size, and {} once the tag is local', async () => {
    const size = await anka(home, sizeArgs('vanilla', '12.4'), { FAKE_ANKA_FREE_BYTES: '1000' });
    assert.deepEqual(size.result.body, { size: 19490295808, cached: 0, available: 1000 });
    await anka(home, registryArgs('pull', '-t', 'vanilla', '12.4'), { FAKE_ANKA_STEPS: '1' });
    const local = await anka(home, sizeArgs('vanilla', '12.4'));
    assert.deepEqual(local.result.body, {});
    assert.match(local.result.message, /available locally/);
    await removeHome(home);
  });

  it('exits 3 for a missing template or tag, and 30 without a registry', async () => {
    const noTag = await anka(home, registryArgs('pull', '-t', 'nope', '12.4'));
    assert.equal(noTag.code, 3);
    assert.equal(noTag.result.code, 3);
    assert.equal(noTag.result.status, 'ERROR');
    const noTemplate = await anka(home, registryArgs('pull', 'no-such-template'));
    assert.equal(noTemplate.code, 3);
    const noRegistry = await anka(home, ['-j', 'registry', 'pull', '12.4']);
    assert.equal(noRegistry.code, 30);
    assert.match(noRegistry.result.message, /No registry configured/);
    await removeHome(home);
  });

  it('uses a registry added by name as the default', async () => {
    await anka(home, ['-j', 'registry', 'add', 'local', registry.url]);
    const run = await anka(home, ['-j', 'registry', 'list']);
    assert.equal(run.result.status, 'OK');
    assert.ok(Array.isArray(run.result.body) && run.result.body.length > 5);
    await removeHome(home);
  });

  it('pushes a VM as a new template that the registry then lists', async () => {
    const args = registryArgs('push', '-t', 'first', '-d', 'built today', 'runner');
    const run = await anka(home, args, { FAKE_ANKA_STEPS: '2' });
    assert.equal(run.code, 0, run.stdout);
    assert.match(run.stderr, /uploading: 100%/);
    const template = registry.template(LOCAL_VM.uuid);
    assert.equal(template?.name, 'runner');
    const versions = template?.versions.map((v) => [v.tag, v.description]);
    assert.deepEqual(versions, [['first', 'built today']]);
    await removeHome(home);
  });

  it('pushes a VM as the next tag of another template with -v', async () => {
    const run = await anka(home, registryArgs('push', '-t', 'extra', '-v', 'sequoia', 'runner'), {
      FAKE_ANKA_STEPS: '1',
    });
    assert.equal(run.code, 0, run.stdout);
    const tags = registry.template(SEQUOIA)?.versions.map((v) => v.tag);
    assert.deepEqual(tags, ['suspended', 'ssh', 'java17', 'extra']);
    const again = await anka(home, registryArgs('push', '-t', 'extra', '-v', 'sequoia', 'runner'));
    assert.equal(again.code, 1);
    assert.match(again.result.message, /already exists/);
    await removeHome(home);
  });

  it("refuses a push when a template of the VM's name has another id", async () => {
    const renamed = [{ ...LOCAL_VM, name: 'sequoia' }];
    await writeFile(path.join(home, 'vms.json'), JSON.stringify(renamed));
    const run = await anka(home, registryArgs('push', '-t', 'x', 'sequoia'));
    assert.equal(run.code, 1);
    assert.match(run.result.message, /registry uuid .* doesn't match/);
    assert.equal(registry.template(LOCAL_VM.uuid), undefined);
    await removeHome(home);
  });

  it('fails in the documented ways on demand', async () => {
    const pullArgs = registryArgs('pull', '-t', 'vanilla', '12.4');
    const disk = await anka(home, pullArgs, { FAKE_ANKA_FREE_BYTES: String(1024 ** 3) });
    assert.equal(disk.code, 1);
    assert.match(disk.result.message, /No space left on device/);
    const dropped = await anka(home, pullArgs, { FAKE_ANKA_FAIL: 'connection' });
    assert.match(dropped.result.message, /connection reset/);
    const proxy = await anka(home, pullArgs, { FAKE_ANKA_FAIL: 'proxy-html' });
    assert.match(proxy.result.message, /<title>502 Bad Gateway<\/title>/);
    const crash = await anka(home, pullArgs, { FAKE_ANKA_FAIL: 'crash' });
    assert.equal(crash.code, 2);
    assert.equal(crash.result.status, 'OK', 'only the first JSON line was printed');
    assert.match(crash.stderr, /panic/);
    const garbage = await anka(home, pullArgs, { FAKE_ANKA_FAIL: 'garbage' });
    assert.equal(garbage.code, 0);
    assert.equal(garbage.result.status, 'NONE');
    await removeHome(home);
  });

  it('restarts a download once and prints junk in noise mode', async () => {
    const run = await anka(home, registryArgs('pull', '-t', 'vanilla', '12.4'), {
      FAKE_ANKA_STEPS: '4',
      FAKE_ANKA_RESTART_AT: '50',
      FAKE_ANKA_NOISE: '1',
    });
    assert.equal(run.code, 0);
    assert.match(run.stderr, /restarting downloading/);
    assert.match(run.stderr, /NaN%/);
    const percents = [...run.stderr.matchAll(/^downloading: (\d+)%/gm)].map((m) => Number(m[1]));
    assert.deepEqual(percents, [25, 25, 50, 75, 100]);
    await removeHome(home);
  });

  it('checks auth options before connecting and records what it was given', async () => {
    const missing = await anka(home, registryArgs('--cert', '/nope.pem', 'list'));
    assert.equal(missing.code, 1);
    assert.match(missing.result.message, /could not read --cert/);
    const badArgs = registryArgs('--api-key-id', 'ci', '--api-key', 'not a key', 'list');
    const badKey = await anka(home, badArgs);
    assert.match(badKey.result.message, /PEM/);
    const lonely = await anka(home, registryArgs('--api-key-id', 'ci', 'list'));
    assert.match(lonely.result.message, /go together/);
    await removeHome(home);
  });

  it('signs in with an API key (the hand and shake) where the registry needs it', async () => {
    const secured = await startLocalRegistry({ rootToken: 'root-secret' });
    try {
      const pem = await createApiKey(secured.url, 'fake-cli', 'root-secret');
      const keyFile = path.join(home, 'key.pem');
      await writeFile(keyFile, pem);
      const base = ['-j', 'registry', '-r', secured.url];
      const anonymous = await anka(home, [...base, 'list']);
      assert.equal(anonymous.code, 1);
      assert.match(anonymous.result.message, /Authentication Required/);
      const args = [...base, '--api-key-id', 'fake-cli', '--api-key', keyFile, 'list'];
      const signedIn = await anka(home, args);
      assert.equal(signedIn.code, 0, signedIn.stdout);
      assert.ok(Array.isArray(signedIn.result.body) && signedIn.result.body.length > 5);
      assert.deepEqual(await lastArgs(home), args);
      const withKey = (key: string): string[] => [
        ...base, '--api-key-id', 'fake-cli', '--api-key', key, 'list',
      ];
      const asText = await anka(home, withKey(pem));
      assert.equal(asText.code, 0, 'the key also works as PEM text');
      const other = await createApiKey(secured.url, 'other', 'root-secret');
      const wrong = await anka(home, withKey(other));
      assert.match(wrong.result.message, /does not match/);
    } finally {
      await secured.close();
      await removeHome(home);
    }
  });

  it('reports an unreachable registry and an HTML answer', async () => {
    const closed = await anka(home, ['-j', 'registry', '-r', 'http://127.0.0.1:9', 'list']);
    assert.equal(closed.code, 1);
    assert.match(closed.result.message, /failed to connect/);
    registry.setFaults([{ path: '/registry/v2/vm', kind: 'html', status: 502 }]);
    const proxied = await anka(home, registryArgs('pull', '12.4'));
    registry.clearFaults();
    assert.match(proxied.result.message, /HTTP 502/);
    await removeHome(home);
  });

  it('clones a VM, refusing a taken name with code 18', async () => {
    const run = await anka(home, ['-j', 'clone', 'runner', 'runner-2']);
    assert.equal(run.code, 0);
    assert.deepEqual((await readVms(home)).map((vm) => vm.name), ['runner', 'runner-2']);
    const taken = await anka(home, ['-j', 'clone', 'runner', 'runner-2']);
    assert.equal(taken.code, 18);
    await removeHome(home);
  });
});
