// Starts the local registry (out/test/registry/cli.js) with a generated fleet in its own process,
// so that serving it does not share the event loop with the client being measured.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT, requireOut } from './paths.mjs';

const CLI = path.join(REPO_ROOT, 'out', 'test', 'registry', 'cli.js');
const START_TIMEOUT_MS = 60_000;

/** Resolves with `{url, connectionsOpened(), close()}` once the registry listens. */
export function startFleetRegistry(templates, { latencyMs = 0 } = {}) {
  const args = [CLI, '--fleet', String(templates), '--port', '0', '--control'];
  if (latencyMs > 0) args.push('--latency', String(latencyMs));
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let started = false;
  return new Promise((resolve, reject) => {
    const late = () => fail(new Error('the registry did not start in time'));
    const timer = setTimeout(late, START_TIMEOUT_MS);
    const fail = (error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n${output}`));
    };
    child.once('error', fail);
    child.once('exit', (code) => {
      if (!started) fail(new Error(`the registry exited with ${code}`));
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /ANKA_REGISTRY_URL=(\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      started = true;
      const url = match[1];
      resolve({
        url,
        templates,
        connectionsOpened: async () => {
          const response = await fetch(`${url}/__local/connections`);
          return (await response.json()).body.opened;
        },
        close: () => stop(child),
      });
    });
  });
}

function stop(child) {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * The same registry in this process, for counting sockets exactly: the server's own 'connection'
 * events, with no control request of its own in the count.
 */
export async function startInProcessRegistry(templates, { latencyMs = 0 } = {}) {
  const { startLocalRegistry } = requireOut('test/registry/server.js');
  const { generateFleet } = requireOut('test/registry/fleet.js');
  const registry = await startLocalRegistry({ seed: generateFleet(templates), latencyMs });
  return {
    url: registry.url,
    templates,
    connectionsOpened: async () => registry.connectionsOpened(),
    close: () => registry.close(),
  };
}
