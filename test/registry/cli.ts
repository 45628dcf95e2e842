// Starts the local registry from the command line, for `npm start` and end-to-end runs.
import { parseArgs } from 'node:util';
import { startLocalRegistry, type LocalRegistryOptions } from './server';

const USAGE = [
  'Usage: node out/test/registry/cli.js [--host H] [--port N] [--seed sample|empty]',
  '         [--list-cache-ttl SECONDS] [--latency MS] [--root-token T] [--control]',
].join('\n');

function numberOption(name: string, text: string | undefined): number | undefined {
  if (text === undefined) {
    return undefined;
  }
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) {
    throw new Error(`--${name} must be a non-negative number, got "${text}"`);
  }
  return value;
}

function parseOptions(argv: string[]): LocalRegistryOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      seed: { type: 'string' },
      'list-cache-ttl': { type: 'string' },
      latency: { type: 'string' },
      'root-token': { type: 'string' },
      control: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const seed = values.seed ?? 'sample';
  if (seed !== 'sample' && seed !== 'empty') {
    throw new Error(`--seed must be "sample" or "empty", got "${seed}"`);
  }
  const ttlSeconds = numberOption('list-cache-ttl', values['list-cache-ttl']);
  const options: LocalRegistryOptions = {
    seed,
    controlRoutes: values.control ?? false,
  };
  if (values.host !== undefined) options.host = values.host;
  const port = numberOption('port', values.port);
  if (port !== undefined) options.port = port;
  if (ttlSeconds !== undefined) options.listCacheTtlMs = ttlSeconds * 1000;
  const latency = numberOption('latency', values.latency);
  if (latency !== undefined) options.latencyMs = latency;
  if (values['root-token'] !== undefined) options.rootToken = values['root-token'];
  return options;
}

async function main(): Promise<void> {
  let options: LocalRegistryOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error: unknown) {
    console.error(error instanceof Error ? error.message : String(error));
    console.error(USAGE);
    process.exit(2);
  }
  const registry = await startLocalRegistry(options);
  console.log(`Local Anka Registry listening on ${registry.url}`);
  console.log(`ANKA_REGISTRY_URL=${registry.url}`);

  const stop = (signal: NodeJS.Signals): void => {
    console.log(`Received ${signal}, stopping the local registry`);
    registry.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('Local Anka Registry failed to start:', error);
  process.exit(1);
});
