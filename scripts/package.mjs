#!/usr/bin/env node
// `npm run package`: the .vsix, offline and without questions. vsce runs `vscode:prepublish`
// (the minified bundle, no source maps); dependencies are in the bundle, so none are packed.
// `--out=FILE` writes elsewhere than `anka-registry-explorer-<version>.vsix` in the repo.
import { spawn } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { forbiddenEntries, vsixEntries } from './lib/vsix-entries.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VSCE = path.join(REPO_ROOT, 'node_modules', '.bin', 'vsce');

const manifest = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const outArgument = process.argv.find((arg) => arg.startsWith('--out='))?.slice('--out='.length);
const out = path.resolve(REPO_ROOT, outArgument ?? `${manifest.name}-${manifest.version}.vsix`);

await run(VSCE, [
  'package',
  '--no-dependencies',
  // There is no public repository yet: vsce would otherwise ask, and README links stay relative
  // (its images ship in the package, so they show in VS Code's extension page).
  '--allow-missing-repository',
  '--no-rewrite-relative-links',
  '--out', out,
]);

const entries = await vsixEntries(out);
const stray = forbiddenEntries(entries);
if (stray.length > 0) {
  console.error(`The package holds files it must not: ${stray.map((e) => e.name).join(', ')}`);
  console.error('Fix .vscodeignore and package again.');
  process.exit(1);
}
const { size } = await stat(out);
const shown = path.relative(process.cwd(), out);
const unpacked = entries.reduce((total, entry) => total + entry.size, 0);
console.log(
  `Packaged ${shown.startsWith('..') ? out : shown}: ${kib(size)} ` +
    `(${entries.length} files, ${kib(unpacked)} unpacked)`,
);

function kib(bytes) {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: 'inherit' });
    child.once('error', (error) => {
      reject(new Error(`could not start ${command}: ${error.message}`));
    });
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`vsce package failed (${signal ?? `exit code ${code}`})`));
    });
  });
}
