// Clients with a RegistryConnection for the auth tests, and a recorder for what they log.
import { RegistryClient, RegistryError } from '../../src/registry';
import {
  RegistryConnection,
  type ConnectionSettings,
  type ProxyConfig,
  type RegistrySecrets,
} from '../../src/registry/auth';

export const NO_PROXY_CONFIG: ProxyConfig = {
  strictSSL: true,
  noProxy: [],
  enabled: true,
  env: {},
};

/** Every line logged at any level, to check that no secret is ever written. */
export class LogRecorder {
  readonly lines: string[] = [];
  readonly warnings: string[] = [];

  readonly logger = {
    debug: (line: string): void => void this.lines.push(line),
    error: (line: string): void => void this.lines.push(line),
    warn: (line: string): void => {
      this.lines.push(line);
      this.warnings.push(line);
    },
  };
}

export interface AuthClientOptions {
  settings?: ConnectionSettings;
  secrets?: RegistrySecrets;
  proxy?: Partial<ProxyConfig>;
  log?: LogRecorder;
  timeoutMs?: number;
}

export interface AuthClient {
  client: RegistryClient;
  connection: RegistryConnection;
}

export function authClient(url: string, options: AuthClientOptions = {}): AuthClient {
  const log = options.log ?? new LogRecorder();
  const secrets = options.secrets ?? {};
  const connection = new RegistryConnection({
    name: 'secure',
    url,
    settings: options.settings ?? {},
    loadSecrets: async () => ({ ...secrets }),
    proxy: { ...NO_PROXY_CONFIG, ...options.proxy },
    logger: log.logger,
  });
  const client = new RegistryClient({
    name: 'secure',
    url,
    timeoutMs: options.timeoutMs ?? 5000,
    logger: log.logger,
    auth: connection,
  });
  return { client, connection };
}

export async function rejection(promise: Promise<unknown>): Promise<RegistryError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RegistryError) {
      return error;
    }
    throw new Error(`expected a RegistryError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected the call to fail');
}
