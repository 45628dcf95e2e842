// Starts the local registry from the command line, for `npm start` and end-to-end runs.
import { parseArgs } from 'node:util';
import { generateFleet } from './fleet';
import { TLS_FLAGS, TLS_USAGE, withTls } from './cliTls';
import { startLocalRegistry, type LocalRegistryOptions } from './server';

const USAGE = [
  'Usage: node out/test/registry/cli.js [--host H] [--port N] [--seed sample|empty]',
  '         [--fleet COUNT] [--list-cache-ttl SECONDS] [--latency MS] [--root-token T]',
  '         [--control] [--https] [--client-cert required|optional]',
  '  --fleet COUNT  seeds COUNT generated templates (test/registry/fleet.ts) instead of --seed',
  ...TLS_USAGE,
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
      fleet: { type: 'string' },
      'list-cache-ttl': { type: 'string' },
      latency: { type: 'string' },
      'root-token': { type: 'string' },
      control: { type: 'boolean' },
      ...TLS_FLAGS,
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
  const fleet = numberOption('fleet', values.fleet);
  if (fleet !== undefined && (!Number.isInteger(fleet) || values.seed !== undefined)) {
    throw new Error('--fleet takes a whole number of templates and replaces --seed');
  }
  const ttlSeconds = numberOption('list-cache-ttl', values['list-cache-ttl']);
  const options: LocalRegistryOptions = {
    seed: fleet === undefined ? seed : generateFleet(fleet),
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
  const pki = await withTls(process.argv.slice(2), options);
  const registry = await startLocalRegistry(options);
  console.log(`Local Anka Registry listening on ${registry.url}`);
  console.log(`ANKA_REGISTRY_URL=${registry.url}`);

  const stop = (signal: NodeJS.Signals): void => {
    console.log(`Received ${signal}, stopping the local registry`);
    Promise.all([registry.close(), pki?.dispose()]).then(
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
