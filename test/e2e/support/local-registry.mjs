// The project's local Anka Registry (test/registry, compiled into out/), started in-process.
import { access } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { REPO_ROOT } from '../harness/paths.mjs';

const SERVER_MODULE = path.join(REPO_ROOT, 'out', 'test', 'registry', 'server.js');

/** Starts a registry on 127.0.0.1 (`port` 0: any free port). Options go to startLocalRegistry. */
export async function startRegistry(options = {}) {
  await access(SERVER_MODULE).catch(() => {
    throw new Error(`${SERVER_MODULE} is missing: run \`npx tsc -p .\` first`);
  });
  const { startLocalRegistry } = createRequire(import.meta.url)(SERVER_MODULE);
  return startLocalRegistry({ host: '127.0.0.1', port: 0, ...options });
}

/** The registry's version as the tree shows it: `v1.13.0` for `1.13.0-24e848a5`. */
export async function registryVersion(registry) {
  const response = await fetch(`${registry.url}/registry/status`);
  const status = await response.json();
  return `v${String(status.body.version).split('-')[0]}`;
}
