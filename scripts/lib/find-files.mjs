// Finds test files by name, without globs (Node 20's test runner has none).
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Files in `dir` (and below, if `recursive`) named `*suffix`, sorted; [] if no `dir`. */
export async function findFiles(dir, suffix, { recursive = true } = {}) {
  const entries = await readdir(dir, { recursive, withFileTypes: true }).catch((error) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}
