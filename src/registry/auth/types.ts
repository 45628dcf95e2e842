import type { Dispatcher } from 'undici';
import type { RegistryErrorKind, RegistryFix } from '../errors';
import type { RequestSpec } from '../transport';

export const AUTH_KINDS = ['none', 'rootToken', 'apiKey', 'certificate'] as const;

/** How a registry is signed in to: nothing, the root token, an API key or a client certificate. */
export type AuthKind = (typeof AUTH_KINDS)[number];

export function isAuthKind(value: unknown): value is AuthKind {
  return typeof value === 'string' && (AUTH_KINDS as readonly string[]).includes(value);
}

/** How to reach and sign in to one registry, as kept in the settings: never a secret. */
export interface ConnectionSettings {
  auth?: AuthKind;
  apiKeyId?: string;
  /** PEM client certificate for mTLS. */
  certFile?: string;
  /** PEM private key of the client certificate. */
  keyFile?: string;
  /** PEM CA certificates trusted for this registry, on top of the usual roots. */
  caFile?: string;
  /** Skips TLS verification for this registry only. */
  insecure?: boolean;
}

/** What SecretStorage holds for one registry. */
export interface RegistrySecrets {
  rootToken?: string;
  /** The API key's RSA private key: PEM (PKCS#1 or PKCS#8) or base64 PKCS#1 DER. */
  apiKeyPem?: string;
  /** Passphrase of an encrypted `keyFile`. */
  keyPassphrase?: string;
}

/** The proxy configuration in force (VS Code's `http.*` settings and the environment). */
export interface ProxyConfig {
  /** `http.proxy`; empty to fall back to the HTTP(S)_PROXY variables. */
  proxy?: string;
  /** `http.proxyAuthorization`: the Proxy-Authorization header value, when set. */
  authorization?: string;
  /** `http.proxyStrictSSL`: false skips certificate checks on proxied connections. */
  strictSSL: boolean;
  /** `http.noProxy` entries; NO_PROXY from the environment is added to them. */
  noProxy: readonly string[];
  /** `http.proxySupport` "off" turns proxies off. */
  enabled: boolean;
  env: Readonly<Record<string, string | undefined>>;
}

/** What the transport needs for one request: credentials and the connection to send it over. */
export interface AuthGrant {
  headers: Record<string, string>;
  /** Replaces the transport's own agent (TLS options, client certificate, proxy). */
  dispatcher?: Dispatcher;
  /** The proxy in use, without credentials, for messages. */
  proxy?: string;
  /** The client certificate file sent, for messages. */
  clientCertificate?: string;
  /** Present when a cached session was used: drops it so that a retry signs in afresh. */
  renew?: () => void;
  /** Added to a 401 answer's reason: what was sent and what to do. */
  unauthorizedHint?: string;
}

/** The connection a request goes over: the registry's agent and the proxy it uses. */
export type ConnectionRoute = Pick<AuthGrant, 'dispatcher' | 'proxy'>;

export interface AuthContext {
  signal: AbortSignal | undefined;
  /** Sends a request without credentials over `route` (the API key handshake). */
  send(spec: RequestSpec, route: ConnectionRoute): Promise<unknown>;
}

/** The transport's auth hook: called before every request. */
export interface RequestAuth {
  prepare(context: AuthContext): Promise<AuthGrant>;
  close(): Promise<void>;
}

/** A failure while preparing credentials or TLS material, before any request was sent. */
export class AuthSetupError extends Error {
  /** The settings the message suggests. */
  readonly fixes: readonly RegistryFix[];

  constructor(
    readonly kind: RegistryErrorKind,
    message: string,
    options?: { cause?: unknown; fixes?: readonly RegistryFix[] },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AuthSetupError';
    this.fixes = options?.fixes ?? [];
  }
}
