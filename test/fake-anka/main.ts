#!/usr/bin/env node
// A stand-in for the `anka` CLI in tests: `-j` envelopes on stdout, progress on stderr, the
// documented exit codes, and a local registry's state behind pull and push. See README.md.
import { existsSync, readFileSync } from 'node:fs';
import { clone, list, pull, push, type Context } from './commands';
import { PULL_HELP, REGISTRY_HELP, USAGE, VERSION } from './help';
import { Home } from './home';
import { readModes } from './modes';
import { parseOptions } from './options';
import { CliFailure, EXIT, Output } from './output';
import { RegistryApi, type ApiKeyAuth } from './registryApi';
import { listBody, listReposBody, registryListShape } from './registryList';

const REGISTRY_OPTIONS = {
  values: {
    '-r': 'remote', '--remote': 'remote', '--cert': 'cert', '--key': 'key', '--cacert': 'cacert',
    '--api-key-id': 'apiKeyId', '--api-key': 'apiKey',
  },
  flags: { '--insecure': 'insecure', '-h': 'help', '--help': 'help', '--list': 'list' },
  stopAtPositional: true,
};

async function main(argv: string[]): Promise<void> {
  const global = parseOptions(argv, {
    flags: { '-j': 'json', '--machine-readable': 'json', '--debug': 'debug', '--version': 'version',
      '-h': 'help', '--help': 'help' },
    stopAtPositional: true,
  });
  const modes = readModes();
  // The garbage mode is a CLI whose -j output is broken: text where JSON belongs.
  const output = new Output(global.flags.has('json') && modes.fail !== 'garbage');
  const home = new Home(modes.home);
  if (modes.home !== undefined) {
    home.recordArgs(argv);
  }
  if (modes.ignoreSigterm) {
    process.on('SIGTERM', () => output.progress('SIGTERM ignored'));
  }
  const context: Context = { home, modes, output };
  const [command] = global.positionals;
  try {
    await run(context, command, global.rest, global.flags);
  } catch (error) {
    const failure = error instanceof CliFailure ? error : new CliFailure(String(error), EXIT.error);
    output.failure(failure);
    process.exitCode = failure.code;
  }
}

async function run(
  context: Context,
  command: string | undefined,
  args: string[],
  flags: Set<string>,
): Promise<void> {
  if (flags.has('version') || command === 'version') {
    if (context.output.machineReadable) {
      context.output.ok(VERSION);
    } else {
      process.stdout.write(`${VERSION.product} ${VERSION.version} (build ${VERSION.build})\n`);
    }
    return;
  }
  if (command === undefined || flags.has('help')) {
    process.stdout.write(USAGE);
    return;
  }
  switch (command) {
    case 'list':
      return list(context);
    case 'clone':
      return cloneCommand(context, args);
    case 'pull':
      return topLevelPull(context, args);
    case 'registry':
      return registryCommand(context, args);
    default:
      throw new CliFailure(`unknown command ${command}`, EXIT.error, 'UsageException');
  }
}

function cloneCommand(context: Context, args: string[]): void {
  const { positionals } = parseOptions(args, {});
  const [source, name] = positionals;
  if (!source || !name) {
    throw new CliFailure('usage: clone <vm> <new name>', EXIT.error, 'UsageException');
  }
  clone(context, source, name);
}

const PULL_OPTIONS = {
  values: { '-t': 'tag', '--tag': 'tag' },
  flags: {
    '-s': 'shrink', '--shrink': 'shrink', '-l': 'local', '--local': 'local',
    '--fetch-only': 'fetchOnly', '--check-download-size': 'check', '-q': 'quiet',
    '--quiet': 'quiet', '-h': 'help', '--help': 'help',
  },
};

/** `anka pull [options] VM [REMOTE]`, the 3.x form. */
async function topLevelPull(context: Context, args: string[]): Promise<void> {
  const parsed = parseOptions(args, PULL_OPTIONS);
  if (parsed.flags.has('help')) {
    process.stdout.write(PULL_HELP);
    return;
  }
  const [template, remote] = parsed.positionals;
  if (!template) {
    throw new CliFailure('pull: a template is required', EXIT.error, 'UsageException');
  }
  await pull(context, new RegistryApi(registryUrl(context, remote)), {
    template,
    tag: parsed.values.get('tag'),
    shrink: parsed.flags.has('shrink'),
    checkOnly: parsed.flags.has('check'),
  });
}

async function registryCommand(context: Context, args: string[]): Promise<void> {
  const options = parseOptions(args, REGISTRY_OPTIONS);
  const [sub] = options.positionals;
  if (options.flags.has('list')) {
    context.output.ok(listBody(context.home.registries(), registryListShape()));
    return;
  }
  if (sub === undefined || options.flags.has('help')) {
    process.stdout.write(REGISTRY_HELP);
    return;
  }
  const apiKey = readAuthOptions(options.values);
  const remote = options.values.get('remote');
  const api = (): RegistryApi => new RegistryApi(registryUrl(context, remote), apiKey);
  switch (sub) {
    case 'pull': {
      const parsed = parseOptions(options.rest, PULL_OPTIONS);
      const [template] = parsed.positionals;
      if (!template) {
        throw new CliFailure('pull: a template is required', EXIT.error, 'UsageException');
      }
      return pull(context, api(), {
        template,
        tag: parsed.values.get('tag'),
        shrink: parsed.flags.has('shrink'),
        checkOnly: false,
      });
    }
    case 'push':
      return pushCommand(context, api(), options.rest);
    case 'list':
      context.output.ok(await api().listTemplates());
      return;
    case 'add':
      return addRegistry(context, options.rest);
    case 'list-repos':
      context.output.ok(listReposBody(context.home.registries()));
      return;
    default:
      throw new CliFailure(`unknown registry command ${sub}`, EXIT.error, 'UsageException');
  }
}

async function pushCommand(context: Context, api: RegistryApi, args: string[]): Promise<void> {
  const parsed = parseOptions(args, {
    values: {
      '-t': 'tag', '--tag': 'tag', '-d': 'description', '--description': 'description',
      '-v': 'remoteVm', '--remote-vm': 'remoteVm',
    },
    flags: { '-f': 'force', '--force': 'force' },
  });
  const [vm] = parsed.positionals;
  if (!vm) {
    throw new CliFailure('push: a VM is required', EXIT.error, 'UsageException');
  }
  await push(context, api, {
    vm,
    tag: parsed.values.get('tag'),
    description: parsed.values.get('description') ?? '',
    remoteTemplate: parsed.values.get('remoteVm'),
    force: parsed.flags.has('force'),
  });
}

function addRegistry(context: Context, args: string[]): void {
  const [name, url] = parseOptions(args, {}).positionals;
  if (!name || !url) {
    throw new CliFailure('usage: registry add <name> <url>', EXIT.error, 'UsageException');
  }
  const config = context.home.registries();
  config.registries[name] = url;
  config.default = name;
  context.home.saveRegistries(config);
  context.output.ok(config, `registry ${name} added`);
}

/** A URL is used as it is; a name (or no -r: the default) comes from the configured list. */
function registryUrl(context: Context, remote: string | undefined): string {
  if (remote !== undefined && /^https?:\/\//i.test(remote)) {
    return remote.replace(/\/+$/, '');
  }
  const config = context.home.registries();
  const name = remote ?? config.default;
  const url = name === undefined ? undefined : config.registries[name];
  if (url === undefined) {
    const which = name === undefined ? '' : ` named ${name}`;
    throw new CliFailure(`No registry configured${which}`, EXIT.noRegistry, 'RegistryException');
  }
  return url;
}

/** The CLI reads its certificate and key files before it connects; returns the API key. */
function readAuthOptions(values: Map<string, string>): ApiKeyAuth | undefined {
  for (const name of ['cert', 'key', 'cacert']) {
    const file = values.get(name);
    if (file !== undefined && !existsSync(file)) {
      throw new CliFailure(`could not read --${name} file ${file}`, EXIT.error, 'TLSException');
    }
  }
  const id = values.get('apiKeyId');
  const key = values.get('apiKey');
  if ((id === undefined) !== (key === undefined)) {
    throw new CliFailure('--api-key-id and --api-key go together', EXIT.error, 'UsageException');
  }
  if (id === undefined || key === undefined) {
    return undefined;
  }
  const pem = key.includes('-----BEGIN') ? key : existsSync(key) ? readFileSync(key, 'utf8') : '';
  if (!pem.includes('-----BEGIN')) {
    const message = '--api-key is neither a PEM file nor PEM text';
    throw new CliFailure(message, EXIT.error, 'TAPException');
  }
  return { id, pem };
}

void main(process.argv.slice(2));
