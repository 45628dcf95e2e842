/**
 * The parts of undici the client uses, each required from its own file: the package's index also
 * loads fetch, WebSocket, mocks and caches, which tripled the bundle. undici has no `exports`
 * map, so these paths are reachable; the types are the package's own.
 */
import type * as Undici from 'undici';

export type Dispatcher = Undici.Dispatcher;

// undici's index gives every dispatcher its request/connect/stream methods this way; ProxyAgent
// needs `connect` on its client to open a tunnel, so the subset does the same.
const dispatcherBase: { prototype: object } = require('undici/lib/dispatcher/dispatcher');
Object.assign(dispatcherBase.prototype, require('undici/lib/api'));

export const Agent: typeof Undici.Agent = require('undici/lib/dispatcher/agent');
export const ProxyAgent: typeof Undici.ProxyAgent = require('undici/lib/dispatcher/proxy-agent');

type DispatchRequest = (
  this: Undici.Dispatcher,
  options: Undici.Dispatcher.RequestOptions,
) => Promise<Undici.Dispatcher.ResponseData>;

const dispatchRequest: DispatchRequest = require('undici/lib/api/api-request');

/** The options of undici's `request`, with the dispatcher always given. */
export type RequestOptions = Omit<Undici.Dispatcher.RequestOptions, 'origin' | 'path' | 'method'>
  & Partial<Pick<Undici.Dispatcher.RequestOptions, 'method'>>
  & {
    /** Always given: the package's global dispatcher is not part of this build. */
    dispatcher: Undici.Dispatcher;
  };

/** undici's `request(url, options)`: one request through the given dispatcher. */
export function request(
  url: string,
  options: RequestOptions,
): Promise<Undici.Dispatcher.ResponseData> {
  const target = new URL(url);
  const { dispatcher, ...rest } = options;
  return dispatchRequest.call(dispatcher, {
    ...rest,
    origin: target.origin,
    path: `${target.pathname}${target.search}`,
    method: options.method ?? 'GET',
  });
}
