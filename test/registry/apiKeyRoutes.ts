// /v1/apikey (root only) and the /tap/v1 handshake that turns a key into a bearer session.
import type { ApiKey, ApiKeyChanges } from './apiKeys';
import {
  failReply,
  jsonObjectBody,
  jsonReply,
  okReply,
  okWithoutBody,
  type Reply,
  type RequestContext,
} from './http';
import type { RegistryState, Route } from './routing';

export function apiKeyRoutes(state: RegistryState): Route[] {
  return [
    {
      path: '/v1/apikey',
      access: 'root',
      methods: {
        GET: (c) => listKeys(state, c),
        POST: (c) => createKey(state, c),
        PUT: (c) => updateKey(state, c),
        DELETE: (c) => deleteKey(state, c),
      },
    },
    { path: '/tap/v1/hand', access: 'open', methods: { POST: (c) => hand(state, c) } },
    { path: '/tap/v1/shake', access: 'open', methods: { POST: (c) => shake(state, c) } },
  ];
}

function keyView(key: ApiKey): Record<string, unknown> {
  return {
    id: key.id,
    groups: [...key.groups],
    expiration: key.expiration.toISOString(),
    created: key.created.toISOString(),
  };
}

/** These endpoints put `message` before `body`. */
function keyReply(body: unknown): Reply {
  return jsonReply(200, { status: 'OK', message: '', body });
}

function invalidBody(): Reply {
  return failReply('request body is not a JSON object');
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isTtl(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

function listKeys(state: RegistryState, context: RequestContext): Reply {
  const id = context.query.get('id') ?? '';
  if (id === '') {
    return keyReply(state.apiKeys.list().map(keyView));
  }
  const key = state.apiKeys.find(id);
  return key ? keyReply([keyView(key)]) : failReply(`api key ${id} not found`);
}

async function createKey(state: RegistryState, context: RequestContext): Promise<Reply> {
  const body = jsonObjectBody(context);
  if (body === undefined) {
    return invalidBody();
  }
  const { id, ttl, groups, publicKey } = body;
  if (typeof id !== 'string' || id === '') {
    return failReply('missing required field: id');
  }
  if (!isTtl(ttl)) {
    return failReply('ttl must be a positive number of seconds');
  }
  if (!isStringArray(groups)) {
    return failReply('groups must be a list of group names');
  }
  if (publicKey !== undefined && typeof publicKey !== 'string') {
    return failReply('publicKey must be a base64 string');
  }
  const request = { id, ttlSeconds: ttl, groups, ...(publicKey ? { publicKey } : {}) };
  const outcome = await state.apiKeys.create(request);
  return outcome.ok ? keyReply(outcome.value) : failReply(outcome.message);
}

function updateKey(state: RegistryState, context: RequestContext): Reply {
  const body = jsonObjectBody(context);
  if (body === undefined) {
    return invalidBody();
  }
  const { id, ttl, groups } = body;
  if (typeof id !== 'string' || id === '') {
    return failReply('missing required field: id');
  }
  const changes: ApiKeyChanges = {};
  if (ttl !== undefined) {
    if (!isTtl(ttl)) {
      return failReply('ttl must be a positive number of seconds');
    }
    changes.ttlSeconds = ttl;
  }
  if (typeof groups === 'string') {
    changes.groups = groups.split(',').map((group) => group.trim()).filter((g) => g !== '');
  } else if (isStringArray(groups)) {
    changes.groups = groups;
  } else if (groups !== undefined) {
    return failReply('groups must be a list of group names');
  }
  const outcome = state.apiKeys.update(id, changes);
  return outcome.ok ? okWithoutBody() : failReply(outcome.message);
}

function deleteKey(state: RegistryState, context: RequestContext): Reply {
  const body = jsonObjectBody(context);
  if (body === undefined) {
    return invalidBody();
  }
  const id = typeof body.id === 'string' && body.id !== '' ? body.id : context.query.get('id');
  if (id === undefined || id === '') {
    return failReply('missing required field: id');
  }
  const outcome = state.apiKeys.delete(id);
  return outcome.ok ? okWithoutBody() : failReply(outcome.message);
}

function hand(state: RegistryState, context: RequestContext): Reply {
  const body = jsonObjectBody(context);
  const id = body?.id;
  if (typeof id !== 'string' || id === '') {
    return failReply('missing required field: id');
  }
  const key = state.apiKeys.find(id);
  if (key === undefined) {
    return failReply(`api key ${id} not found`);
  }
  if (key.expiration.getTime() <= Date.now()) {
    return failReply(`api key ${id} has expired`);
  }
  return okReply(state.handshakes.hand(key));
}

function shake(state: RegistryState, context: RequestContext): Reply {
  const body = jsonObjectBody(context);
  const id = body?.id;
  const secret = body?.secret;
  if (typeof id !== 'string' || typeof secret !== 'string') {
    return failReply('id and secret are required');
  }
  const outcome = state.handshakes.shake(id, secret);
  return outcome.ok ? okReply({ data: outcome.value }) : failReply(outcome.message, 401);
}
