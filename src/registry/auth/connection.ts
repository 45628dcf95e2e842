import { readFile as readFileFromDisk } from 'node:fs/promises';
import type { Dispatcher } from 'undici';
import { ApiKeySession } from './apiKeySession';
import { createDispatcher } from './dispatcher';
import { parsePrivateKey } from './keys';
import { chooseProxy, type ProxyChoice } from './proxy';
import { rootTokenHeader } from './rootToken';
import { loadTlsOptions, type ReadFile } from './tlsOptions';
import {
  AuthSetupError,
  type AuthContext,
  type AuthGrant,
  type ConnectionSettings,
  type ProxyConfig,
  type RegistrySecrets,
  type RequestAuth,
} from './types';

export interface ConnectionLogger {
  debug(message: string): void;
  warn(message: string): void;
}

export interface RegistryConnectionOptions {
  /** For log lines: the registry's name. */
  name: string;
  url: string;
  settings: ConnectionSettings;
  /** Reads the registry's secrets; called again after reset(). */
  loadSecrets: () => Promise<RegistrySecrets>;
  proxy: ProxyConfig;
  readFile?: ReadFile;
  logger?: ConnectionLogger;
  /** Most sockets kept open to this registry at once. */
  connections?: number;
  /** Called once the client using this connection is closed. */
  onClose?: () => void;
}

interface Prepared {
  secrets: RegistrySecrets;
  dispatcher: Dispatcher;
  proxy: ProxyChoice;
}

const RESET_GRACE_MS = 30_000;

const quietLogger: ConnectionLogger = { debug: () => undefined, warn: () => undefined };

/**
 * Everything one registry's requests need besides the request itself: the TLS options, the proxy,
 * and the credentials of its auth kind. Built on first use and kept until reset().
 */
export class RegistryConnection implements RequestAuth {
  private prepared: Promise<Prepared> | undefined;
  private session: ApiKeySession | undefined;
  private readonly logger: ConnectionLogger;

  constructor(private readonly options: RegistryConnectionOptions) {
    this.logger = options.logger ?? quietLogger;
  }

  get kind(): NonNullable<ConnectionSettings['auth']> {
    return this.options.settings.auth ?? 'none';
  }

  async prepare(context: AuthContext): Promise<AuthGrant> {
    const prepared = await this.ensurePrepared();
    const grant: AuthGrant = { headers: {}, dispatcher: prepared.dispatcher };
    if (prepared.proxy.kind === 'proxy') {
      grant.proxy = prepared.proxy.display;
    }
    switch (this.kind) {
      case 'none':
        grant.unauthorizedHint = 'the registry wants credentials; use "Sign In Again" to enter '
          + 'a root token or an API key';
        break;
      case 'rootToken':
        grant.headers['authorization'] = rootTokenHeader(this.rootToken(prepared.secrets));
        grant.unauthorizedHint = 'the stored root token was refused; use "Sign In Again" to '
          + 'enter the current one';
        break;
      case 'apiKey': {
        const bearer = await this.apiKeySession(prepared).bearer(context, grant);
        grant.headers['authorization'] = bearer.header;
        if (bearer.cached) {
          grant.renew = () => {
            const name = this.options.name;
            this.logger.debug(`${name}: the API key session was refused; signing in again`);
            bearer.forget();
          };
        }
        grant.unauthorizedHint = `API key "${this.options.settings.apiKeyId}" was refused; use `
          + '"Sign In Again" to enter another key (managing API keys needs the root token)';
        break;
      }
      case 'certificate':
        grant.clientCertificate = this.options.settings.certFile;
        grant.unauthorizedHint = 'the client certificate was not accepted; use "Sign In Again" '
          + 'or "Edit Registry..." to choose another one';
        break;
    }
    return grant;
  }

  /** Forgets secrets, the session and the sockets; the next request reads everything again. */
  reset(): void {
    const previous = this.prepared;
    this.prepared = undefined;
    this.session?.reset();
    this.session = undefined;
    if (previous) {
      // A request prepared just before the reset may not have been sent yet: close a bit later.
      const closeLater = (): void => {
        previous.then((old) => old.dispatcher.close()).catch(() => undefined);
      };
      setTimeout(closeLater, RESET_GRACE_MS).unref();
    }
  }

  async close(): Promise<void> {
    this.options.onClose?.();
    const previous = this.prepared;
    this.prepared = undefined;
    this.session = undefined;
    const old = await previous?.catch(() => undefined);
    await old?.dispatcher.close().catch(() => undefined);
  }

  private ensurePrepared(): Promise<Prepared> {
    if (!this.prepared) {
      const started = this.build();
      this.prepared = started;
      // A failure is not kept: the next request tries again (a file may have been fixed).
      started.catch(() => {
        if (this.prepared === started) {
          this.prepared = undefined;
        }
      });
    }
    return this.prepared;
  }

  private async build(): Promise<Prepared> {
    const { name, url, settings, proxy: proxyConfig } = this.options;
    const secrets = await this.options.loadSecrets();
    const readFile = this.options.readFile ?? ((path: string) => readFileFromDisk(path, 'utf8'));
    const tls = await loadTlsOptions(url, settings, secrets, readFile, proxyConfig.env);
    const proxy = chooseProxy(url, proxyConfig);
    if (tls.warning) {
      this.logger.warn(`${name}: ${tls.warning}`);
    }
    if (proxy.kind === 'proxy') {
      this.logger.debug(`${name}: connecting through the proxy ${proxy.display}`);
      if (!proxyConfig.strictSSL) {
        this.logger.warn(`${name}: "http.proxyStrictSSL" is off: certificates are not checked `
          + 'on connections through the proxy');
      }
    } else {
      this.logger.debug(`${name}: connecting directly (${proxy.why})`);
    }
    const dispatcher = createDispatcher({
      tls: tls.options,
      proxy,
      proxyStrictSSL: proxyConfig.strictSSL,
      proxyAuthorization: proxyConfig.authorization,
      connections: this.options.connections ?? 8,
    });
    return { secrets, dispatcher, proxy };
  }

  private rootToken(secrets: RegistrySecrets): string {
    if (!secrets.rootToken) {
      throw new AuthSetupError('unauthorized', 'no root token is stored for this registry; use '
        + '"Sign In Again" to enter it');
    }
    return secrets.rootToken;
  }

  private apiKeySession(prepared: Prepared): ApiKeySession {
    const keyId = this.options.settings.apiKeyId?.trim();
    if (!keyId) {
      throw new AuthSetupError('unauthorized', 'no API key id is configured for this registry; '
        + 'use "Sign In Again" to enter it');
    }
    this.session ??= new ApiKeySession(keyId, async () => {
      const pem = prepared.secrets.apiKeyPem;
      if (!pem) {
        throw new AuthSetupError('unauthorized', `no private key is stored for API key "${keyId}"; `
          + 'use "Sign In Again" to choose it');
      }
      try {
        return parsePrivateKey(pem);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new AuthSetupError('unauthorized', `the stored private key of API key "${keyId}" `
          + `cannot be used: ${reason}; use "Sign In Again" to choose it`, { cause: error });
      }
    });
    return this.session;
  }
}
