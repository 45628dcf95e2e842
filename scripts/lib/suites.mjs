// The three test suites of `npm test`; each resolves to {passed, failed} or throws if it
// cannot run.
import { access } from 'node:fs/promises';
import path from 'node:path';
import { findFiles } from './find-files.mjs';
import { runNodeTestSuite } from './node-test-suite.mjs';

const MINUTE = 60_000;

/** Unit tests: out/test/unit/**\/*.test.js under node's test runner. */
export async function runUnitTests(repoRoot) {
  const files = await findFiles(path.join(repoRoot, 'out', 'test', 'unit'), '.test.js');
  if (files.length === 0) throw new Error('no unit tests found (out/test/unit/**/*.test.js)');
  const tapFile = path.join(repoRoot, 'test-output', 'unit.tap');
  return runNodeTestSuite({ files, tapFile, cwd: repoRoot, timeoutMs: 15 * MINUTE });
}

/** The mocha suite out/test/suite/index.js inside code-server's extension host. */
export async function runExtensionHostTests(repoRoot) {
  const suitePath = path.join(repoRoot, 'out', 'test', 'suite', 'index.js');
  await access(suitePath).catch(() => {
    throw new Error(`${suitePath} is missing (is test/suite/index.ts written and compiled?)`);
  });
  const harness = await import('../../test/e2e/harness/index.mjs');
  const run = await harness.runExtensionHostSuite({
    extensionPath: repoRoot,
    suitePath,
    timeoutMs: 20 * MINUTE,
    onConsoleLine: (line) => {
      if (!harness.isWorkbenchNoise(line)) console.log(`  [extension host] ${line}`);
    },
  });
  return countsOf(run);
}

/** The end-to-end scenarios, test/e2e/*.e2e.mjs, one file at a time. */
export async function runEndToEndTests(repoRoot) {
  const files = await findFiles(path.join(repoRoot, 'test', 'e2e'), '.e2e.mjs', {
    recursive: false,
  });
  if (files.length === 0) throw new Error('no scenarios found (test/e2e/*.e2e.mjs)');
  const tapFile = path.join(repoRoot, 'test-output', 'e2e.tap');
  return runNodeTestSuite({
    files,
    tapFile,
    cwd: repoRoot,
    concurrency: 1,
    timeoutMs: 30 * MINUTE,
  });
}

// The exit code decides pass or fail; the suite's own line gives the counts.
function countsOf(run) {
  const logs = `logs: ${run.browserLog}, ${run.serverLog}`;
  if (run.exitCode === null) throw new Error(`the suite did not finish in time (${logs})`);
  if (run.passed === null) {
    throw new Error(
      `the suite exited ${run.exitCode} without an EXTENSION-HOST-RESULT line (${logs})`,
    );
  }
  const failed = run.exitCode === 0 ? run.failed : Math.max(1, run.failed);
  return { passed: run.passed, failed };
}
