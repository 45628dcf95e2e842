import type { ConnectionOptions } from 'node:tls';
import { createAgent, createProxyAgent, type Dispatcher } from '../undici';
import type { ProxyChoice } from './proxy';

export interface DispatcherOptions {
  tls: ConnectionOptions;
  proxy: ProxyChoice;
  /** `http.proxyStrictSSL`; only proxied connections are relaxed when it is off. */
  proxyStrictSSL: boolean;
  /** `http.proxyAuthorization`, sent to the proxy as Proxy-Authorization. */
  proxyAuthorization?: string;
  connections: number;
}

/**
 * One keep-alive pool for one registry with its own TLS options: `insecure` and a CA file apply to
 * this registry's sockets only, never to the process.
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const pool = { connections: options.connections, keepAliveTimeout: 10_000 };
  if (options.proxy.kind === 'direct') {
    return createAgent({ ...pool, connect: { ...options.tls } });
  }
  const relaxed = options.proxyStrictSSL ? {} : { rejectUnauthorized: false };
  return createProxyAgent({
    ...pool,
    uri: options.proxy.url,
    ...(options.proxyAuthorization ? { token: options.proxyAuthorization } : {}),
    // Plain http registries are requested through the proxy as usual; https ones are tunnelled.
    proxyTunnel: false,
    requestTls: { ...options.tls, ...relaxed },
    proxyTls: relaxed,
  });
}
