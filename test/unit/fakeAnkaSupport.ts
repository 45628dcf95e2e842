// Shared by the CLI tests: where the stand-in anka is, a fresh home for it, and process checks.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

/** The shell wrapper; it runs out/test/fake-anka/main.js. */
export const FAKE_ANKA = path.resolve(__dirname, '..', '..', '..', 'test', 'fake-anka', 'anka');

export interface FakeVm {
  uuid: string;
  name: string;
  status: 'stopped' | 'running' | 'suspended';
  tags: string[];
  sizeBytes: number;
  creationDate: string;
}

export async function makeHome(vms?: FakeVm[]): Promise<string> {
  const home = await mkdtemp(path.join(os.tmpdir(), 'fake-anka-test-'));
  if (vms) {
    await writeFile(path.join(home, 'vms.json'), JSON.stringify(vms));
  }
  return home;
}

export function removeHome(home: string): Promise<void> {
  return rm(home, { recursive: true, force: true });
}

/** The environment for one run of the stand-in: its home plus test modes. */
export function fakeEnv(home: string, modes: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, FAKE_ANKA_HOME: home, FAKE_ANKA_STEP_MS: '5', ...modes };
}

export async function readVms(home: string): Promise<FakeVm[]> {
  return JSON.parse(await readFile(path.join(home, 'vms.json'), 'utf8')) as FakeVm[];
}

export async function lastArgs(home: string): Promise<string[]> {
  return JSON.parse(await readFile(path.join(home, 'last-args.json'), 'utf8')) as string[];
}

export interface RunningRecord {
  pid: number;
  childPid?: number;
}

/** The transfers the stand-in noted as started and not finished. */
export async function runningRecords(home: string): Promise<RunningRecord[]> {
  const dir = path.join(home, 'running');
  const files = await readdir(dir).catch(() => []);
  const read = async (file: string): Promise<RunningRecord> =>
    JSON.parse(await readFile(path.join(dir, file), 'utf8')) as RunningRecord;
  return Promise.all(files.map(read));
}

/** Waits until the stand-in has noted a running transfer. */
export async function waitForRunning(home: string, timeoutMs = 10_000): Promise<RunningRecord> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [record] = await runningRecords(home);
    if (record && (record.childPid === undefined || record.childPid > 0)) {
      return record;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the stand-in anka never started a transfer');
}

/** True while the process exists and is not a zombie. */
export async function isAlive(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
  return state !== 'Z' && state !== 'X';
}

/** Registers a fresh API key on the registry (as root) and returns its private key as PEM. */
export async function createApiKey(
  registryUrl: string,
  id: string,
  rootToken?: string,
): Promise<string> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (rootToken !== undefined) {
    headers.Authorization = `Basic ${Buffer.from(`root:${rootToken}`).toString('base64')}`;
  }
  const body = {
    id,
    ttl: 3600,
    groups: ['ci'],
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
  };
  const response = await fetch(`${registryUrl}/v1/apikey`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  const envelope = (await response.json()) as { status: string; message: string };
  if (envelope.status !== 'OK') {
    throw new Error(`could not create the API key ${id}: ${envelope.message}`);
  }
  return privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
}
