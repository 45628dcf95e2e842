// The route table type, the registry's shared state, and dispatch with Go-style 404/405 answers.
import type { ApiKeyStore } from './apiKeys';
import {
  authenticationRequired,
  goNotFound,
  methodNotAllowed,
  type Reply,
  type RequestContext,
} from './http';
import type { ListCache } from './listCache';
import type { TemplateStore } from './store';
import type { TapHandshakes } from './tap';

export type Handler = (context: RequestContext) => Reply | Promise<Reply>;

/** 'open' needs nothing, 'user' accepts root or a handshake session, 'root' only root. */
export type Access = 'open' | 'user' | 'root';

export interface Route {
  path: string;
  access: Access;
  methods: Partial<Record<string, Handler>>;
}

export interface DiskSpace {
  free: number;
  total: number;
}

export interface RegistryState {
  store: TemplateStore;
  apiKeys: ApiKeyStore;
  handshakes: TapHandshakes;
  listCache: ListCache;
  version: string;
  disk: DiskSpace | undefined;
  rootToken: string | undefined;
  /** Set when the registry checks client certificates (see tlsServer.ts). */
  clientCertificates?: 'required' | 'optional' | undefined;
}

export async function dispatch(
  routes: readonly Route[],
  state: RegistryState,
  context: RequestContext,
): Promise<Reply> {
  const route = routes.find((candidate) => candidate.path === context.path);
  if (route === undefined) {
    return goNotFound();
  }
  if (!isAuthorized(route.access, state, context)) {
    return authenticationRequired();
  }
  const method = context.method === 'HEAD' ? 'GET' : context.method;
  const handler = route.methods[method];
  if (handler === undefined) {
    return methodNotAllowed(Object.keys(route.methods));
  }
  return handler(context);
}

function isAuthorized(access: Access, state: RegistryState, context: RequestContext): boolean {
  const protectedRoutes = state.rootToken !== undefined || state.clientCertificates !== undefined;
  if (!protectedRoutes || access === 'open') {
    return true;
  }
  if (access === 'user' && context.clientCertified === true) {
    return true;
  }
  const header = context.headers.authorization ?? '';
  const [scheme = '', credentials = ''] = header.split(' ', 2);
  if (scheme.toLowerCase() === 'basic') {
    const given = Buffer.from(credentials, 'base64').toString('utf8');
    return state.rootToken !== undefined && given === `root:${state.rootToken}`;
  }
  if (access === 'user' && scheme.toLowerCase() === 'bearer') {
    return state.handshakes.acceptsBearer(credentials);
  }
  return false;
}
