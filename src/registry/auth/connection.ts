import { readFile as readFileFromDisk } from 'node:fs/promises';
import * as l10n from '@vscode/l10n';
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
/** What to do when the registry refuses the API key; `signIn` is the command's title. */
function apiKeyRefusedHint(keyId: string, signIn: string): string {
  const refused = l10n.t({
    message: 'API key "{0}" was refused',
    args: [keyId],
    comment: ['{0} is the id of an API key'],
  });
  const another = l10n.t({
    message: 'use "{0}" to enter another key (managing API keys needs the root token)',
    args: [signIn],
    comment: ['{0} is the command "Sign In Again"'],
  });
  return `${refused}; ${another}`;
}

/** What to do when the registry refuses the client certificate. */
function certificateRefusedHint(signIn: string): string {
  const refused = l10n.t('the client certificate was not accepted');
  const another = l10n.t({
    message: 'use "{0}" or "{1}" to choose another one',
    args: [signIn, l10n.t('Edit Registry...')],
    comment: [
      '{0} is the command "Sign In Again", {1} the command "Edit Registry..."; ',
      '"another one" is another client certificate',
    ],
  });
  return `${refused}; ${another}`;
}

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
    const signIn = l10n.t('Sign In Again');
    switch (this.kind) {
      case 'none':
        grant.unauthorizedHint = l10n.t({
          message: 'the registry wants credentials; use "{0}" to enter a root token or an API key',
          args: [signIn],
          comment: ['{0} is the command "Sign In Again"'],
        });
        break;
      case 'rootToken':
        grant.headers['authorization'] = rootTokenHeader(this.rootToken(prepared.secrets));
        grant.unauthorizedHint = l10n.t({
          message: 'the stored root token was refused; use "{0}" to enter the current one',
          args: [signIn],
          comment: ['{0} is the command "Sign In Again"'],
        });
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
        grant.unauthorizedHint = apiKeyRefusedHint(this.options.settings.apiKeyId ?? '', signIn);
        break;
      }
      case 'certificate':
        grant.clientCertificate = this.options.settings.certFile;
        grant.unauthorizedHint = certificateRefusedHint(signIn);
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
        const warning = l10n.t({
          message: '"{0}" is off: certificates are not checked on connections through the proxy',
          args: ['http.proxyStrictSSL'],
          comment: ['{0} is a setting, kept as it is'],
        });
        this.logger.warn(`${name}: ${warning}`);
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
      throw new AuthSetupError('unauthorized', l10n.t({
        message: 'no root token is stored for this registry; use "{0}" to enter it',
        args: [l10n.t('Sign In Again')],
        comment: ['{0} is the command "Sign In Again"'],
      }));
    }
    return secrets.rootToken;
  }

  private apiKeySession(prepared: Prepared): ApiKeySession {
    const keyId = this.options.settings.apiKeyId?.trim();
    if (!keyId) {
      throw new AuthSetupError('unauthorized', l10n.t({
        message: 'no API key id is configured for this registry; use "{0}" to enter it',
        args: [l10n.t('Sign In Again')],
        comment: ['{0} is the command "Sign In Again"'],
      }));
    }
    this.session ??= new ApiKeySession(keyId, async () => {
      const pem = prepared.secrets.apiKeyPem;
      if (!pem) {
        throw new AuthSetupError('unauthorized', l10n.t({
          message: 'no private key is stored for API key "{0}"; use "{1}" to choose it',
          args: [keyId, l10n.t('Sign In Again')],
          comment: ['{0} is the id of an API key, {1} the command "Sign In Again"'],
        }));
      }
      try {
        return parsePrivateKey(pem);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const unusable = l10n.t({
          message: 'the stored private key of API key "{0}" cannot be used: {1}',
          args: [keyId, reason],
          comment: ['{0} is the id of an API key, {1} why'],
        });
        const choose = l10n.t({
          message: 'use "{0}" to choose it',
          args: [l10n.t('Sign In Again')],
          comment: ['{0} is the command "Sign In Again"; "it" is the private key'],
        });
        const message = `${unusable}; ${choose}`;
        throw new AuthSetupError('unauthorized', message, { cause: error });
      }
    });
    return this.session;
  }
}
