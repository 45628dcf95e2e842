import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Requires a module compiled by `npx tsc -p .` into out/, by its path under the repository. */
export function requireOut(relative) {
  return createRequire(import.meta.url)(path.join(REPO_ROOT, 'out', relative));
}
