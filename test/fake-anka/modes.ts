// The stand-in CLI's test modes, read from environment variables on every run.

export type FailureMode = 'disk-full' | 'connection' | 'proxy-html' | 'crash' | 'garbage';

const FAILURES: readonly FailureMode[] = [
  'disk-full',
  'connection',
  'proxy-html',
  'crash',
  'garbage',
];

export interface Modes {
  /** Where the local VMs and the configured registries are kept (FAKE_ANKA_HOME). */
  home: string | undefined;
  /** Pause between progress lines (FAKE_ANKA_STEP_MS, default 25). */
  stepMs: number;
  /** Progress lines per transfer (FAKE_ANKA_STEPS, default 20). */
  steps: number;
  /** The transfer fails this way (FAKE_ANKA_FAIL; 'garbage' also prints text instead of JSON)... */
  fail: FailureMode | undefined;
  /** ...once it reaches this percentage (FAKE_ANKA_FAIL_AT, default 40). */
  failAt: number;
  /** The download restarts once from 0 at this percentage (FAKE_ANKA_RESTART_AT). */
  restartAt: number | undefined;
  /** Free bytes on "this Mac" (FAKE_ANKA_FREE_BYTES, default 500 GiB). */
  freeBytes: number;
  /** Prints junk between progress lines (FAKE_ANKA_NOISE=1). */
  noise: boolean;
  /** Starts a helper child process during transfers (FAKE_ANKA_CHILD=1). */
  child: boolean;
  /** Ignores SIGTERM, so only SIGKILL ends it (FAKE_ANKA_IGNORE_SIGTERM=1). */
  ignoreSigterm: boolean;
}

export function readModes(env: NodeJS.ProcessEnv = process.env): Modes {
  const failText = env.FAKE_ANKA_FAIL ?? '';
  const fail = FAILURES.find((mode) => mode === failText);
  if (failText !== '' && fail === undefined) {
    throw new Error(`FAKE_ANKA_FAIL must be one of ${FAILURES.join(', ')}, got "${failText}"`);
  }
  return {
    home: env.FAKE_ANKA_HOME || undefined,
    stepMs: number(env.FAKE_ANKA_STEP_MS, 25),
    steps: Math.max(1, Math.round(number(env.FAKE_ANKA_STEPS, 20))),
    fail,
    failAt: number(env.FAKE_ANKA_FAIL_AT, 40),
    restartAt: env.FAKE_ANKA_RESTART_AT ? number(env.FAKE_ANKA_RESTART_AT, 50) : undefined,
    freeBytes: number(env.FAKE_ANKA_FREE_BYTES, 500 * 1024 ** 3),
    noise: env.FAKE_ANKA_NOISE === '1',
    child: env.FAKE_ANKA_CHILD === '1',
    ignoreSigterm: env.FAKE_ANKA_IGNORE_SIGTERM === '1',
  };
}

function number(text: string | undefined, fallback: number): number {
  if (text === undefined || text === '') {
    return fallback;
  }
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) {
    throw new Error(`expected a non-negative number, got "${text}"`);
  }
  return value;
}
