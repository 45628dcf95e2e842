/**
 * The parts of undici the client uses, each required from its own file: the package's index also
 * loads fetch, WebSocket, mocks and caches, which tripled the bundle. undici has no `exports`
 * map, so these paths are reachable; the types are the package's own.
 */
import type * as Undici from 'undici';

export type Dispatcher = Undici.Dispatcher;

type DispatchRequest = (
  this: Undici.Dispatcher,
  options: Undici.Dispatcher.RequestOptions,
) => Promise<Undici.Dispatcher.ResponseData>;

interface UndiciParts {
  Agent: typeof Undici.Agent;
  ProxyAgent: typeof Undici.ProxyAgent;
  dispatchRequest: DispatchRequest;
}

let parts: UndiciParts | undefined;

/**
 * Loads undici on the first connection, not at activation: its modules set up parsers, error
 * classes and diagnostics channels, a good part of the extension's start-up time.
 */
function undici(): UndiciParts {
  if (parts) {
    return parts;
  }
  // undici's index gives every dispatcher its request/connect/stream methods this way. The client
  // sends with `request`, and ProxyAgent needs `connect` on its client to open a tunnel; stream,
  // pipeline and upgrade are never called, so the subset leaves them out.
  const dispatcherBase: { prototype: object } = require('undici/lib/dispatcher/dispatcher');
  const dispatchRequest: DispatchRequest = require('undici/lib/api/api-request');
  Object.assign(dispatcherBase.prototype, {
    request: dispatchRequest,
    connect: require('undici/lib/api/api-connect'),
  });
  parts = {
    Agent: require('undici/lib/dispatcher/agent'),
    ProxyAgent: require('undici/lib/dispatcher/proxy-agent'),
    dispatchRequest,
  };
  return parts;
}

/** undici's keep-alive Agent. */
export function createAgent(options?: Undici.Agent.Options): Dispatcher {
  return new (undici().Agent)(options);
}

/** undici's ProxyAgent. */
export function createProxyAgent(options: Undici.ProxyAgent.Options): Dispatcher {
  return new (undici().ProxyAgent)(options);
}

/** The classes themselves, for tests that compare them with the package's. */
export function undiciClasses(): Pick<UndiciParts, 'Agent' | 'ProxyAgent'> {
  return undici();
}

/** The options of undici's `request`, with the dispatcher always given. */
export type RequestOptions = Omit<Undici.Dispatcher.RequestOptions, 'origin' | 'path' | 'method'>
  & Partial<Pick<Undici.Dispatcher.RequestOptions, 'method'>>
  & {
    /** Always given: the package's global dispatcher is not part of this build. */
    dispatcher: Undici.Dispatcher;
  };

/** Where a request goes: undici's own split of a URL, so a caller that knows it parses none. */
export interface RequestTarget {
  origin: string;
  /** The path with its query string. */
  path: string;
}

/** undici's `request(url, options)`: one request through the given dispatcher. */
export function request(
  url: string | RequestTarget,
  options: RequestOptions,
): Promise<Undici.Dispatcher.ResponseData> {
  const target = typeof url === 'string' ? splitUrl(url) : url;
  const { dispatcher, ...rest } = options;
  return undici().dispatchRequest.call(dispatcher, {
    ...rest,
    origin: target.origin,
    path: target.path,
    method: options.method ?? 'GET',
  });
}

function splitUrl(url: string): RequestTarget {
  const parsed = new URL(url);
  return { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
}
