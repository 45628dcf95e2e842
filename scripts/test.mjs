#!/usr/bin/env node
// `npm test`: unit tests, the extension-host suite in code-server, then the end-to-end
// scenarios. Ends with one line `N passed, N failed`; exits non-zero if anything failed.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureE2eDeps } from './ensure-e2e-deps.mjs';
import { buildAndCompile } from './lib/build.mjs';
import { killRunningGroups, secondsSince } from './lib/run-command.mjs';
import { runEndToEndTests, runExtensionHostTests, runUnitTests } from './lib/suites.mjs';
import { Summary } from './lib/summary.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const SUITES = [
  { name: 'unit', run: runUnitTests, needsE2eDeps: false },
  { name: 'extension host', run: runExtensionHostTests, needsE2eDeps: true },
  { name: 'end-to-end', run: runEndToEndTests, needsE2eDeps: true },
];

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    killRunningGroups('SIGKILL');
    process.exit(130);
  });
}

const summary = new Summary();
const depsProblem = await step('Preparing end-to-end dependencies', () => ensureE2eDeps());
const buildProblem = await step('Building', () => buildAndCompile(REPO_ROOT));

for (const suite of SUITES) {
  const blocker = buildProblem ?? (suite.needsE2eDeps ? depsProblem : null);
  if (blocker) {
    summary.addBroken(suite.name, blocker);
    continue;
  }
  let counts;
  const problem = await step(`Running the ${suite.name} tests`, async () => {
    counts = await suite.run(REPO_ROOT);
  });
  if (problem) summary.addBroken(suite.name, problem);
  else summary.add(suite.name, counts);
}

summary.print();
// Exit now: a handle left open by a broken suite must not keep the run alive.
process.exit(summary.failed > 0 ? 1 : 0);

/** Runs `action` under a heading; returns null, or the error's message when it failed. */
async function step(title, action) {
  const start = Date.now();
  console.log(`\n== ${title}`);
  try {
    await action();
    console.log(`== ${title}: done in ${secondsSince(start)}`);
    return null;
  } catch (error) {
    console.error(`== ${title}: FAILED after ${secondsSince(start)}: ${error.message}`);
    return error.message.split('\n')[0];
  }
}
