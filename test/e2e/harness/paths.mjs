// Where the harness finds the repository and puts its per-run folders and outputs.
import { mkdir, mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = path.resolve(E2E_DIR, '..', '..');
export const WORK_ROOT = path.join(REPO_ROOT, '.e2e-work');
export const OUTPUT_DIR = path.join(REPO_ROOT, 'test-output', 'e2e');
export const LOG_DIR = path.join(OUTPUT_DIR, 'logs');
export const CODE_SERVER_BIN = path.join(E2E_DIR, 'node_modules', '.bin', 'code-server');
export const CHROMIUM_BIN = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Longest TMPDIR that leaves room for VS Code's IPC socket names (limit 107). */
const MAX_TMPDIR_LENGTH = 50;

/** Makes a fresh folder for one run under `.e2e-work/`, named after `label`. */
export async function makeRunDir(label) {
  await mkdir(WORK_ROOT, { recursive: true });
  const safeLabel = label.replace(/[^a-zA-Z0-9-]+/g, '-').slice(0, 40);
  return mkdtemp(path.join(WORK_ROOT, `${safeLabel}-`));
}

/** A short temp folder: inside the run folder when its path is short, else under /tmp. */
export async function makeTmpDir(runDir) {
  const inside = path.join(runDir, 'tmp');
  if (inside.length <= MAX_TMPDIR_LENGTH) {
    await mkdir(inside, { recursive: true });
    return { dir: inside, external: false };
  }
  return { dir: await mkdtemp('/tmp/anka-e2e-'), external: true };
}

/** A file name for outputs: letters, digits and dashes only. */
export function outputName(name) {
  return name.replace(/[^a-zA-Z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'unnamed';
}
