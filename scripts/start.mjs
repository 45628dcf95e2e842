#!/usr/bin/env node
// `npm start`: builds the extension and serves it in code-server with a registry configured.
// Uses the local sample registry unless ANKA_REGISTRY_URL names another (ANKA_REGISTRY_NAME
// names it, "Registry" by default). Runs until Ctrl+C, then stops everything.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureE2eDeps } from './ensure-e2e-deps.mjs';
import { buildAndCompile } from './lib/build.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_PORT = 8080;
const USAGE = 'Usage: npm start -- [--port N] [--list-cache-ttl SECONDS]' +
  '   (env: ANKA_REGISTRY_URL, ANKA_REGISTRY_NAME)';

const stops = [];

try {
  const { port, listCacheTtlMs } = parseOptions(process.argv.slice(2));
  await ensureE2eDeps();
  await buildAndCompile(REPO_ROOT);
  const registry = await registryToConfigure(listCacheTtlMs);
  await serve(registry, port);
} catch (error) {
  console.error(`npm start: ${error.message}`);
  await stopAll();
  process.exit(1);
}

function parseOptions(args) {
  const options = { port: { type: 'string' }, 'list-cache-ttl': { type: 'string' } };
  const { values } = parseArgs({ args, options });
  return { port: parsePort(values.port), listCacheTtlMs: parseTtl(values['list-cache-ttl']) };
}

function parsePort(text) {
  if (text === undefined) return undefined;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`--port must be a port number, got "${text}"\n${USAGE}`);
  }
  return port;
}

/** The local registry's list cache, as a real registry's (30 s there); off by default. */
function parseTtl(text) {
  if (text === undefined) return undefined;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new Error(`--list-cache-ttl must be a number of seconds, got "${text}"\n${USAGE}`);
  }
  return seconds * 1000;
}

/** The registry entry for the settings: ANKA_REGISTRY_URL's, or a local one started here. */
async function registryToConfigure(listCacheTtlMs) {
  const url = process.env.ANKA_REGISTRY_URL;
  if (url) return { name: process.env.ANKA_REGISTRY_NAME || 'Registry', url };

  const { startRegistry } = await import('../test/e2e/support/local-registry.mjs');
  const registry = await startRegistry({ seed: 'sample', listCacheTtlMs });
  stops.push(() => registry.close());
  console.log(`Local Anka Registry (sample templates): ${registry.url}`);
  return { name: 'Local Registry', url: registry.url };
}

async function serve(registry, requestedPort) {
  const { startCodeServer } = await import('../test/e2e/harness/code-server.mjs');
  const { isPortFree, preferredOrFreePort } = await import('../test/e2e/harness/ports.mjs');
  if (requestedPort && !(await isPortFree(requestedPort))) {
    throw new Error(`port ${requestedPort} is in use on 127.0.0.1; choose another with --port`);
  }
  const port = requestedPort ?? (await preferredOrFreePort(DEFAULT_PORT));
  const server = await startCodeServer({
    label: 'start',
    port,
    settings: { 'ankaRegistry.registries': [registry] },
  });
  stops.unshift(() => server.stop());

  console.log(`\ncode-server with the extension is running (log: ${server.logFile}).`);
  console.log(`Open: ${server.workbenchUrl()}`);
  console.log('Press Ctrl+C to stop.\n');

  const stopped = await Promise.race([
    new Promise((resolve) => process.once('SIGINT', () => resolve('SIGINT'))),
    new Promise((resolve) => process.once('SIGTERM', () => resolve('SIGTERM'))),
    server.exited.then(({ code, signal }) => `code-server exited (${signal ?? code})`),
  ]);
  console.log(`\nStopping (${stopped})...`);
  await stopAll();
  process.exit(stopped.startsWith('code-server') ? 1 : 0);
}

async function stopAll() {
  for (const stop of stops.splice(0)) await stop().catch(() => {});
}
