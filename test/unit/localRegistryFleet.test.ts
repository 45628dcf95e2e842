import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Agent, request } from 'undici';
import { generateFleet } from '../registry/fleet';
import { startLocalRegistry } from '../registry/server';

const CLI = path.resolve(__dirname, '..', 'registry', 'cli.js');

/** Runs the registry's command line until it prints its URL; resolves with the URL and a stop. */
function startCli(args: string[]): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) {
        resolve();
        return;
      }
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // A promise settles once: an exit after the URL arrived changes nothing here.
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ANKA_REGISTRY_URL=(\S+)/.exec(output);
      if (match?.[1]) {
        resolve({ url: match[1], stop });
      }
    });
  });
}

async function json(url: string): Promise<{ body: unknown }> {
  const response = await fetch(url);
  return (await response.json()) as { body: unknown };
}

describe('the local registry with a generated fleet', () => {
  it('serves --fleet N templates from the command line, with a connection count', async () => {
    const registry = await startCli(['--fleet', '250', '--port', '0', '--control']);
    try {
      const list = (await json(`${registry.url}/registry/v2/vm`)).body as unknown[];
      assert.equal(list.length, 250);
      const opened = (await json(`${registry.url}/__local/connections`)).body as { opened: number };
      assert.ok(opened.opened >= 1, JSON.stringify(opened));
    } finally {
      await registry.stop();
    }
  });

  it('refuses --fleet with --seed, and a count that is not whole', async () => {
    for (const args of [['--fleet', '10', '--seed', 'empty'], ['--fleet', '1.5']]) {
      await assert.rejects(
        () => startCli([...args, '--port', '0']),
        /--fleet takes a whole number/,
      );
    }
  });

  it('counts the sockets clients open, once per keep-alive connection', async () => {
    const registry = await startLocalRegistry({ seed: generateFleet(20) });
    const agent = new Agent({ connections: 2, keepAliveTimeout: 10_000 });
    try {
      assert.equal(registry.connectionsOpened(), 0);
      for (let round = 0; round < 6; round++) {
        await Promise.all([0, 1].map(async () => {
          const response = await request(`${registry.url}/registry/status`, { dispatcher: agent });
          await response.body.text();
        }));
      }
      assert.equal(registry.connectionsOpened(), 2);
    } finally {
      await agent.close();
      await registry.close();
    }
  });

  it('answers a 200-tag template quickly and with the same sizes every time', async () => {
    const fleet = generateFleet(100);
    const long = fleet[99]!;
    assert.equal(long.versions.length, 200);
    const registry = await startLocalRegistry({ seed: fleet });
    try {
      const url = `${registry.url}/registry/v2/vm?id=${long.id}`;
      const first = (await json(url)).body as { size: number; versions: Array<{ size: number }> };
      const started = performance.now();
      const second = (await json(url)).body as typeof first;
      assert.ok(performance.now() - started < 500, 'sizes are not summed again');
      assert.equal(second.size, first.size);
      assert.deepEqual(second.versions.map((v) => v.size), first.versions.map((v) => v.size));
      assert.ok(first.versions[199]!.size > first.versions[0]!.size);
    } finally {
      await registry.close();
    }
  });
});
