// The registries the stand-in CLI is configured with, as `registry --list` (3.9.1 and later) and
// `registry list-repos` (older CLIs) print them. FAKE_ANKA_REGISTRY_LIST picks the CLI:
//   list    (default) `--list` prints a list of {name, url, default}
//   object  `--list` prints an object keyed by name, like list-repos
//   legacy  a CLI older than 3.9.1: `--list` is an unknown option, only list-repos answers
import type { RegistryConfig } from './home';
import { CliFailure, EXIT } from './output';

export type RegistryListShape = 'list' | 'object' | 'legacy';

const SHAPES: readonly RegistryListShape[] = ['list', 'object', 'legacy'];

export function registryListShape(env: NodeJS.ProcessEnv = process.env): RegistryListShape {
  const text = env.FAKE_ANKA_REGISTRY_LIST ?? '';
  if (text === '') {
    return 'list';
  }
  const shape = SHAPES.find((candidate) => candidate === text);
  if (shape === undefined) {
    throw new Error(`FAKE_ANKA_REGISTRY_LIST must be one of ${SHAPES.join(', ')}, got "${text}"`);
  }
  return shape;
}

/** The body of `anka -j registry --list`; throws as an older CLI does for the unknown option. */
export function listBody(config: RegistryConfig, shape: RegistryListShape): unknown {
  if (shape === 'legacy') {
    throw new CliFailure('unknown option --list', EXIT.error, 'UsageException');
  }
  if (shape === 'object') {
    return listReposBody(config);
  }
  return Object.entries(config.registries).map(([name, url]) => ({
    name,
    url,
    default: name === config.default,
  }));
}

/** The body of `anka -j registry list-repos`: `{name: {host, scheme, port, default}}`. */
export function listReposBody(config: RegistryConfig): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, url] of Object.entries(config.registries)) {
    const parsed = new URL(url);
    const scheme = parsed.protocol.replace(/:$/, '');
    body[name] = {
      host: parsed.hostname,
      scheme,
      port: parsed.port || (scheme === 'https' ? '443' : '80'),
      default: name === config.default,
    };
  }
  return body;
}
