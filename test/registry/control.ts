// /__local/* routes that let a test in another process switch faults and read the request log.
import { parseFaultRules, type FaultRule } from './faults';
import type { PushedVersion } from './pushes';
import type { Outcome } from './store';
import {
  failReply,
  goNotFound,
  methodNotAllowed,
  okReply,
  type Reply,
  type RequestContext,
} from './http';

export const CONTROL_PREFIX = '/__local/';

export interface ControlTarget {
  reset(): void;
  setFaults(rules: FaultRule[]): void;
  clearFaults(): void;
  faults(): FaultRule[];
  readonly requests: readonly unknown[];
  clearRequests(): void;
  /** Records a push: a new tag on a template, or a new template (see pushes.ts). */
  addPushedVersion(body: unknown): Outcome<PushedVersion>;
  connectionsOpened(): number;
}

type ControlHandler = (target: ControlTarget, context: RequestContext) => Reply;

const CONTROL_ROUTES: Record<string, Partial<Record<string, ControlHandler>>> = {
  '/__local/faults': {
    GET: (target) => okReply(target.faults()),
    POST: (target, context) => replaceFaults(target, context),
    DELETE: (target) => {
      target.clearFaults();
      return okReply(null);
    },
  },
  '/__local/reset': {
    POST: (target) => {
      target.reset();
      return okReply(null);
    },
  },
  '/__local/pushes': {
    POST: (target, context) => addPush(target, context),
  },
  '/__local/connections': {
    GET: (target) => okReply({ opened: target.connectionsOpened() }),
  },
  '/__local/requests': {
    GET: (target) => okReply(target.requests),
    DELETE: (target) => {
      target.clearRequests();
      return okReply(null);
    },
  },
};

export function handleControl(target: ControlTarget, context: RequestContext): Reply {
  const methods = CONTROL_ROUTES[context.path];
  if (methods === undefined) {
    return goNotFound();
  }
  const handler = methods[context.method];
  return handler ? handler(target, context) : methodNotAllowed(Object.keys(methods));
}

function replaceFaults(target: ControlTarget, context: RequestContext): Reply {
  let parsed: unknown;
  try {
    parsed = JSON.parse(context.body);
  } catch {
    return failReply('request body is not JSON', 400);
  }
  const rules = parseFaultRules(parsed);
  if (typeof rules === 'string') {
    return failReply(rules, 400);
  }
  target.setFaults(rules);
  return okReply(target.faults());
}

function addPush(target: ControlTarget, context: RequestContext): Reply {
  let parsed: unknown;
  try {
    parsed = JSON.parse(context.body);
  } catch {
    return failReply('request body is not JSON', 400);
  }
  const outcome = target.addPushedVersion(parsed);
  return outcome.ok ? okReply(outcome.value) : failReply(outcome.message);
}
