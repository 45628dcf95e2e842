// A local Anka Registry for tests and `npm start`: the REST API over an in-memory fleet.
import {
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiKeyStore } from './apiKeys';
import { apiKeyRoutes } from './apiKeyRoutes';
import { CONTROL_PREFIX, handleControl } from './control';
import { faultAction, FaultList, type FaultRule } from './faults';
import { jsonReply, parseGoQuery, type Reply, type RequestContext } from './http';
import { ListCache } from './listCache';
import type { SeedApiKey, SeedTemplate } from './model';
import { dispatch, type DiskSpace, type RegistryState, type Route } from './routing';
import { sampleApiKeys, sampleTemplates } from './seed';
import { addPushedVersion, type PushedVersion } from './pushes';
import { TemplateStore, type Outcome } from './store';
import { TapHandshakes } from './tap';
import { templateRoutes } from './templateRoutes';
import { Timers } from './timers';
import {
  createRegistryServer,
  hasValidClientCertificate,
  type LocalRegistryTls,
} from './tlsServer';

export type { FaultKind, FaultRule } from './faults';
export type { SeedTemplate, SeedVersion, VmConfig } from './model';
export type { LocalRegistryTls } from './tlsServer';

export interface LocalRegistryOptions {
  host?: string;
  port?: number;
  /** 'sample' (the default) also seeds two API keys; the others start without keys. */
  seed?: 'sample' | 'empty' | SeedTemplate[];
  /** When above 0, list answers (no `?id=`) are cached this long; detail reads never are. */
  listCacheTtlMs?: number;
  /** Added before every answer. */
  latencyMs?: number;
  faults?: FaultRule[];
  /** Adds the /__local/ routes for faults, reset and the request log. */
  controlRoutes?: boolean;
  disk?: DiskSpace;
  version?: string;
  /** Requires `Basic base64("root:<token>")` (or a handshake session) outside the open routes. */
  rootToken?: string;
  /** Serves https with this certificate, and checks client certificates when asked to. */
  tls?: LocalRegistryTls;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  rawQuery: string;
  body?: string;
  headers: IncomingHttpHeaders;
}

export interface LocalRegistry {
  /** Like http://127.0.0.1:40123 (https:// with `tls`), without a trailing slash. */
  readonly url: string;
  readonly port: number;
  /** Every request but the control routes', oldest first; cleared only by clearRequests(). */
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
  /** Back to the seeded templates and keys; faults and the request log stay. */
  reset(): void;
  setFaults(rules: FaultRule[]): void;
  clearFaults(): void;
  faults(): FaultRule[];
  clearRequests(): void;
  /** Ends every API key session, as their five minutes running out does. */
  expireSessions(): void;
  /** Deep copies of the current templates, ordered by id. */
  templates(): SeedTemplate[];
  template(id: string): SeedTemplate | undefined;
  /** What a push through the stand-in CLI leaves on the registry (see pushes.ts). */
  addPushedVersion(body: unknown): Outcome<PushedVersion>;
  /** Sockets clients opened since the start: keep-alive pools open few. */
  connectionsOpened(): number;
}

/** The registry's handle before it has an address. */
type RegistryControls = Omit<LocalRegistry, 'url' | 'port' | 'close'>;

export const DEFAULT_VERSION = '1.13.0-24e848a5';

function seedData(seed: LocalRegistryOptions['seed']): [SeedTemplate[], SeedApiKey[]] {
  if (seed === undefined || seed === 'sample') {
    return [sampleTemplates(), sampleApiKeys()];
  }
  return seed === 'empty' ? [[], []] : [seed, []];
}

export async function startLocalRegistry(
  options: LocalRegistryOptions = {},
): Promise<LocalRegistry> {
  const [templates, keys] = seedData(options.seed);
  const state: RegistryState = {
    store: new TemplateStore(templates),
    apiKeys: new ApiKeyStore(keys),
    handshakes: new TapHandshakes(),
    listCache: new ListCache(options.listCacheTtlMs ?? 0),
    version: options.version ?? DEFAULT_VERSION,
    disk: options.disk,
    rootToken: options.rootToken,
    clientCertificates: options.tls?.clientCertificates,
  };
  const routes = [...templateRoutes(state), ...apiKeyRoutes(state)];
  const faults = new FaultList();
  faults.set(options.faults ?? []);
  const timers = new Timers();
  const requests: RecordedRequest[] = [];
  let connections = 0;

  const registry: RegistryControls = {
    requests,
    reset: () => {
      state.store.reset();
      state.apiKeys.reset();
      state.handshakes.reset();
      state.listCache.clear();
    },
    setFaults: (rules) => faults.set(rules),
    clearFaults: () => faults.clear(),
    faults: () => faults.list(),
    expireSessions: () => state.handshakes.expireSessions(),
    clearRequests: () => {
      requests.length = 0;
    },
    templates: () => state.store.snapshot(),
    template: (id) => {
      const template = state.store.find(id);
      return template && structuredClone(template);
    },
    addPushedVersion: (body) => addPushedVersion(state.store, body),
    connectionsOpened: () => connections,
  };

  const pipeline: Pipeline = {
    routes,
    state,
    faults,
    timers,
    registry,
    latencyMs: options.latencyMs ?? 0,
    controlRoutes: options.controlRoutes ?? false,
  };
  const server = createRegistryServer((request, response) => {
    handle(pipeline, request, response).catch(() => response.destroy());
  }, options.tls);
  server.on('connection', () => connections++);
  const host = options.host ?? '127.0.0.1';
  const port = await listen(server, host, options.port ?? 0);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    ...registry,
    url: `${options.tls ? 'https' : 'http'}://${urlHost}:${port}`,
    port,
    close: () => closeServer(server, timers),
  };
}

interface Pipeline {
  routes: readonly Route[];
  state: RegistryState;
  faults: FaultList;
  timers: Timers;
  registry: RegistryControls;
  latencyMs: number;
  controlRoutes: boolean;
}

async function handle(
  pipeline: Pipeline,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const context = await readContext(request);
  if (pipeline.controlRoutes && context.path.startsWith(CONTROL_PREFIX)) {
    send(response, handleControl(pipeline.registry, context));
    return;
  }
  pipeline.registry.requests.push(record(context));

  const rule = pipeline.faults.take(context.method, context.path);
  await pipeline.timers.wait((rule?.latencyMs ?? 0) + pipeline.latencyMs);
  const action = rule ? faultAction(rule) : { kind: 'pass' as const };
  if (action.kind === 'drop') {
    request.socket.destroy();
    return;
  }
  if (action.kind === 'hang') {
    return;
  }
  const reply = action.kind === 'reply' ? action.reply : await answer(pipeline, context);
  send(response, reply);
}

async function answer(pipeline: Pipeline, context: RequestContext): Promise<Reply> {
  try {
    return await dispatch(pipeline.routes, pipeline.state, context);
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    return jsonReply(500, { status: 'ERROR', body: null, message });
  }
}

async function readContext(request: IncomingMessage): Promise<RequestContext> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  const target = request.url ?? '/';
  const queryStart = target.indexOf('?');
  const rawPath = queryStart < 0 ? target : target.slice(0, queryStart);
  const rawQuery = queryStart < 0 ? '' : target.slice(queryStart + 1);
  return {
    method: request.method ?? 'GET',
    path: decodePath(rawPath),
    rawQuery,
    query: parseGoQuery(rawQuery),
    headers: request.headers,
    body: Buffer.concat(chunks).toString('utf8'),
    clientCertified: hasValidClientCertificate(request.socket),
  };
}

function decodePath(rawPath: string): string {
  try {
    return decodeURIComponent(rawPath);
  } catch {
    return rawPath;
  }
}

function record(context: RequestContext): RecordedRequest {
  const entry: RecordedRequest = {
    method: context.method,
    path: context.path,
    query: Object.fromEntries(context.query),
    rawQuery: context.rawQuery,
    headers: { ...context.headers },
  };
  if (context.body !== '') {
    entry.body = context.body;
  }
  return entry;
}

function send(response: ServerResponse, reply: Reply): void {
  if (response.destroyed || response.writableEnded) {
    return;
  }
  response.writeHead(reply.status, {
    ...reply.headers,
    'Content-Length': Buffer.byteLength(reply.body),
  });
  response.end(reply.body);
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server, timers: Timers): Promise<void> {
  timers.cancelAll();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
