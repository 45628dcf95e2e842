// Runs files with node's test runner: spec to the terminal, TAP to a file that gives the counts.
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { runCommand } from './run-command.mjs';

/**
 * Runs `files` with `node --test` and returns `{passed, failed}` from the TAP file
 * `tapFile`. Throws when the runner leaves no counts (it could not start).
 */
export async function runNodeTestSuite({ files, tapFile, cwd, concurrency, timeoutMs }) {
  await mkdir(path.dirname(tapFile), { recursive: true });
  await rm(tapFile, { force: true });
  const args = [
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tapFile}`,
    ...(concurrency ? [`--test-concurrency=${concurrency}`] : []),
    // A test that hangs fails on its own instead of holding the whole suite until its deadline.
    '--test-timeout=240000',
    ...files,
  ];
  // A failing test makes node exit non-zero; the counts tell how many.
  await runCommand(process.execPath, args, { cwd, timeoutMs }).catch(() => {});
  const counts = parseTapCounts(await readFile(tapFile, 'utf8').catch(() => ''));
  if (!counts) throw new Error(`node --test wrote no counts to ${tapFile}`);
  return counts;
}

/** `# pass N` and `# fail N` (+ `# cancelled N`) from the end of a TAP report. */
export function parseTapCounts(tap) {
  const count = (name) => {
    const matches = [...tap.matchAll(new RegExp(`^# ${name} (\\d+)$`, 'gm'))];
    return matches.length > 0 ? Number(matches.at(-1)[1]) : null;
  };
  const passed = count('pass');
  const failed = count('fail');
  if (passed === null || failed === null) return null;
  return { passed, failed: failed + (count('cancelled') ?? 0) };
}
