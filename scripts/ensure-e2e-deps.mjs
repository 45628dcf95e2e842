#!/usr/bin/env node
// Makes sure the end-to-end tests can run: Debian packages and test/e2e's npm packages.
// Fast when all is there; installs what is missing; says clearly what failed.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDebianPackages } from './lib/debian-packages.mjs';
import { installE2ePackages, isInstalled } from './lib/e2e-npm-install.mjs';
import { secondsSince } from './lib/run-command.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const E2E_DIR = path.join(REPO_ROOT, 'test', 'e2e');

/** Installs whatever the end-to-end tests miss. Throws with a readable message on failure. */
export async function ensureE2eDeps() {
  const start = Date.now();
  const installedDebian = await ensureDebianPackages();
  if (installedDebian.length > 0) {
    console.log(`Debian packages installed in ${secondsSince(start)}`);
  }
  if (await isInstalled(E2E_DIR)) return;

  const npmStart = Date.now();
  console.log('Installing code-server and playwright-core into test/e2e (about a minute)...');
  await installE2ePackages(E2E_DIR);
  console.log(`test/e2e packages installed in ${secondsSince(npmStart)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await ensureE2eDeps();
    console.log('End-to-end dependencies are ready.');
  } catch (error) {
    console.error(`ensure-e2e-deps: ${error.message}`);
    process.exitCode = 1;
  }
}
