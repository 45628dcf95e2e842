// Status, health, template, config, revert, arch and disk endpoints.
import {
  failReply,
  integerParam,
  jsonObjectBody,
  okReply,
  textReply,
  type Reply,
  type RequestContext,
} from './http';
import type { RegistryState, Route } from './routing';
import { templateNotFound, type RevertTarget, type VersionSelector } from './store';
import { v1ListView, v1TemplateView, v2ListView, v2TemplateView } from './views';

const DISK_TOTAL = 1000240963584;
/** Space the host uses for things other than templates, so free space looks lived in. */
const DISK_OTHER_USE = 420 * 1024 ** 3;

export function templateRoutes(state: RegistryState): Route[] {
  const health = (): Reply => textReply(200, 'ok');
  return [
    {
      path: '/registry/status',
      access: 'open',
      methods: { GET: () => okReply({ status: 'Running', version: state.version }) },
    },
    { path: '/livez', access: 'open', methods: { GET: health } },
    { path: '/readyz', access: 'open', methods: { GET: health } },
    { path: '/registry/v2/vm', access: 'user', methods: { GET: (c) => listV2(state, c) } },
    {
      path: '/registry/vm',
      access: 'user',
      methods: { GET: (c) => listV1(state, c), DELETE: (c) => deleteTemplate(state, c) },
    },
    { path: '/registry/vm/info', access: 'user', methods: { GET: (c) => config(state, c) } },
    { path: '/registry/revert', access: 'user', methods: { DELETE: (c) => revert(state, c) } },
    { path: '/registry/vm/arch', access: 'user', methods: { PUT: (c) => setArch(state, c) } },
    { path: '/registry/disk', access: 'user', methods: { GET: () => disk(state) } },
  ];
}

function templateId(context: RequestContext): string {
  return context.query.get('id') ?? '';
}

function missingId(): Reply {
  return failReply('missing required parameter: id');
}

/** An empty `?id=` reads as no id at all, as Go's `Query().Get` makes it. */
function listV2(state: RegistryState, context: RequestContext): Reply {
  const id = templateId(context);
  if (id === '') {
    return state.listCache.get('v2', () => okReply(v2ListView(state.store)));
  }
  const template = state.store.find(id);
  return template
    ? okReply(v2TemplateView(state.store, template))
    : failReply(templateNotFound(id));
}

function listV1(state: RegistryState, context: RequestContext): Reply {
  const id = templateId(context);
  if (id === '') {
    return state.listCache.get('v1', () => okReply(v1ListView(state.store)));
  }
  const template = state.store.find(id);
  return template
    ? okReply(v1TemplateView(state.store, template))
    : failReply(templateNotFound(id));
}

function deleteTemplate(state: RegistryState, context: RequestContext): Reply {
  const id = templateId(context);
  if (id === '') {
    return missingId();
  }
  const outcome = state.store.delete(id);
  return outcome.ok ? okReply(null) : failReply(outcome.message);
}

function config(state: RegistryState, context: RequestContext): Reply {
  const id = templateId(context);
  if (id === '') {
    return missingId();
  }
  const selector: VersionSelector = {};
  const tag = context.query.get('tag');
  const version = integerParam(context, 'version');
  if (tag !== undefined && tag !== '') {
    selector.tag = tag;
  } else if (Number.isNaN(version)) {
    return failReply('version must be a non-negative integer');
  } else if (version !== undefined) {
    selector.number = version;
  }
  const outcome = state.store.config(id, selector);
  return outcome.ok ? okReply(outcome.value) : failReply(outcome.message);
}

function revert(state: RegistryState, context: RequestContext): Reply {
  const id = templateId(context);
  if (id === '') {
    return missingId();
  }
  const target = revertTarget(context);
  if (typeof target === 'string') {
    return failReply(target);
  }
  const outcome = state.store.revert(id, target);
  return outcome.ok ? okReply(null) : failReply(outcome.message);
}

/** Accepts `version` or `number` in the query, and `tag` (or `version`) in a JSON body. */
function revertTarget(context: RequestContext): RevertTarget | string {
  const body = jsonObjectBody(context);
  if (body === undefined) {
    return 'request body is not a JSON object';
  }
  if (typeof body.tag === 'string' && body.tag !== '') {
    return { kind: 'tag', tag: body.tag };
  }
  const fromQuery = integerParam(context, 'version') ?? integerParam(context, 'number');
  const fromBody = body.version ?? body.number;
  if (Number.isNaN(fromQuery)) {
    return 'version must be a non-negative integer';
  }
  if (fromQuery !== undefined) {
    return { kind: 'number', number: fromQuery };
  }
  if (fromBody === undefined) {
    return { kind: 'latest' };
  }
  if (typeof fromBody !== 'number' || !Number.isInteger(fromBody) || fromBody < 0) {
    return 'version must be a non-negative integer';
  }
  return { kind: 'number', number: fromBody };
}

function setArch(state: RegistryState, context: RequestContext): Reply {
  const body = jsonObjectBody(context);
  if (body === undefined) {
    return failReply('request body is not a JSON object');
  }
  if (typeof body.id !== 'string' || body.id === '') {
    return missingId();
  }
  const outcome = state.store.setArch(body.id, typeof body.arch === 'string' ? body.arch : '');
  return outcome.ok ? okReply(null) : failReply(outcome.message);
}

function disk(state: RegistryState): Reply {
  if (state.disk !== undefined) {
    return okReply({ free: state.disk.free, total: state.disk.total });
  }
  const stored = state.store.storedBytes();
  // A generated fleet can outgrow the default disk; it gets a disk sized for it, a quarter free.
  const needed = Math.ceil(((stored + DISK_OTHER_USE) * 4) / 3 / DISK_TOTAL) * DISK_TOTAL;
  const total = Math.max(DISK_TOTAL, needed);
  const free = Math.max(0, total - DISK_OTHER_USE - stored);
  return okReply({ free, total });
}
