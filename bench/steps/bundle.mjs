// The minified bundle: its size, what it is made of (esbuild's metafile), and the time to load
// it and run activate() in fresh Node processes with a stubbed `vscode`.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../support/paths.mjs';
import { median } from '../support/stats.mjs';

const run = promisify(execFile);
const ACTIVATE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'activate-child.mjs');

/**
 * `{bytes, parts: [{name, bytes}], activate: {wall, cpu}}`; built beside dist/, which stays as
 * it is. Activation times are medians over fresh processes.
 */
export async function measureBundle({ activations }) {
  const folder = await mkdtemp(path.join(tmpdir(), 'anka-bench-'));
  try {
    const outfile = path.join(folder, 'extension.js');
    const metafile = path.join(folder, 'meta.json');
    await run(process.execPath, [
      'scripts/build.mjs', '--production', `--outfile=${outfile}`, `--metafile=${metafile}`,
    ], { cwd: REPO_ROOT });
    const bytes = (await stat(outfile)).size;
    const parts = partsOf(JSON.parse(await readFile(metafile, 'utf8')));
    const walls = [];
    const cpus = [];
    for (let round = 0; round < activations; round++) {
      const { stdout } = await run(process.execPath, [ACTIVATE, outfile], { cwd: REPO_ROOT });
      const { ms, cpuMs } = JSON.parse(stdout);
      walls.push(ms);
      cpus.push(cpuMs);
    }
    return { bytes, parts, activate: { wall: median(walls), cpu: median(cpus) } };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Bytes in the output by package (`src` for the extension's own code), largest first. */
function partsOf(meta) {
  const [output] = Object.values(meta.outputs);
  const sizes = new Map();
  for (const [file, input] of Object.entries(output.inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    const name = match ? match[1] : 'src';
    sizes.set(name, (sizes.get(name) ?? 0) + input.bytesInOutput);
  }
  return [...sizes].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}
