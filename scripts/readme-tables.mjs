#!/usr/bin/env node
// Writes the settings and commands tables of README.md from package.json (with
// package.nls.json and docs/commands.json): `node scripts/readme-tables.mjs`.
// `--check` only compares, and exits 1 when README.md is out of date; `--root DIR` works on
// another folder with the same files.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fillReadme, generatedTables } from './lib/manifest-tables.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Reads the files under `root`; resolves with the README as it is and as it should be. */
export async function readmeTables(root = REPO_ROOT) {
  const json = async (file) => JSON.parse(await readFile(path.join(root, file), 'utf8'));
  const readme = await readFile(path.join(root, 'README.md'), 'utf8');
  const tables = generatedTables({
    manifest: await json('package.json'),
    nls: await json('package.nls.json'),
    descriptions: await json(path.join('docs', 'commands.json')),
  });
  return { readme, expected: fillReadme(readme, tables) };
}

async function main(args) {
  const rootAt = args.indexOf('--root');
  const root = rootAt >= 0 ? path.resolve(args[rootAt + 1] ?? '.') : REPO_ROOT;
  const { readme, expected } = await readmeTables(root);
  if (args.includes('--check')) {
    if (readme !== expected) {
      console.error('README.md is out of date: run `node scripts/readme-tables.mjs`.');
      process.exitCode = 1;
    }
    return;
  }
  if (readme !== expected) {
    await writeFile(path.join(root, 'README.md'), expected);
  }
  console.log(readme === expected ? 'README.md is up to date.' : 'Updated README.md.');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error.message);
    process.exitCode = 1;
  });
}
