// Fault rules: the broken answers of proxies, crashed registries and dead networks, on demand.
import { STATUS_CODES } from 'node:http';
import { isRecord, jsonReply, textReply, type Reply } from './http';

export const FAULT_KINDS = [
  'status',
  'html',
  'text',
  'brokenJson',
  'envelope',
  'drop',
  'hang',
  'delay',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRule {
  method?: string;
  /** Exact pathname, or a prefix when it ends in '*'. */
  path?: string;
  /** Applies to the next N matching requests, then the rule is dropped; forever when absent. */
  times?: number;
  /** Waits this long before the fault (for 'delay', before the normal answer). */
  latencyMs?: number;
  /**
   * 'status': that HTTP status with a FAIL envelope; 'html': a reverse proxy's error page;
   * 'text': a plain text body; 'brokenJson': HTTP 200 with truncated JSON; 'envelope': a
   * FAIL/ERROR envelope without a body key; 'drop': the socket closes unanswered; 'hang': no
   * answer until the server closes; 'delay': the normal answer after `latencyMs`.
   */
  kind: FaultKind;
  status?: number;
  envelopeStatus?: 'FAIL' | 'ERROR';
  message?: string;
  body?: string;
}

/** What the server does with a matched rule. */
export type FaultAction = { kind: 'reply'; reply: Reply } | { kind: 'drop' | 'hang' | 'pass' };

function matches(rule: FaultRule, method: string, path: string): boolean {
  if (rule.method !== undefined && rule.method.toUpperCase() !== method.toUpperCase()) {
    return false;
  }
  if (rule.path === undefined) {
    return true;
  }
  return rule.path.endsWith('*') ? path.startsWith(rule.path.slice(0, -1)) : rule.path === path;
}

export class FaultList {
  private rules: FaultRule[] = [];

  set(rules: readonly FaultRule[]): void {
    this.rules = rules.map((rule) => ({ ...rule }));
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.map((rule) => ({ ...rule }));
  }

  /** The first rule matching the request, counting it against the rule's `times`. */
  take(method: string, path: string): FaultRule | undefined {
    const rule = this.rules.find((candidate) => matches(candidate, method, path));
    if (rule?.times !== undefined) {
      rule.times -= 1;
      if (rule.times <= 0) {
        this.rules = this.rules.filter((candidate) => candidate !== rule);
      }
    }
    return rule;
  }
}

function statusLine(status: number): string {
  return `${status} ${STATUS_CODES[status] ?? 'Unknown'}`;
}

function proxyErrorPage(status: number): string {
  const title = statusLine(status);
  return [
    '<html>',
    `<head><title>${title}</title></head>`,
    '<body>',
    `<center><h1>${title}</h1></center>`,
    '<hr><center>nginx</center>',
    '</body>',
    '</html>',
    '',
  ].join('\r\n');
}

const TRUNCATED_LIST = '{"status":"OK","body":[{"id":"c12ccfa5-8757-411e-9505-128190e9854e","na';

export function faultAction(rule: FaultRule): FaultAction {
  switch (rule.kind) {
    case 'drop':
    case 'hang':
      return { kind: rule.kind };
    case 'delay':
      return { kind: 'pass' };
    case 'status': {
      const status = rule.status ?? 500;
      const message = rule.message ?? STATUS_CODES[status] ?? 'error';
      const reply = jsonReply(status, { status: 'FAIL', body: null, message });
      return { kind: 'reply', reply: withBody(reply, rule.body) };
    }
    case 'html': {
      const status = rule.status ?? 502;
      const page = rule.body ?? proxyErrorPage(status);
      return { kind: 'reply', reply: textReply(status, page, 'text/html') };
    }
    case 'text': {
      const status = rule.status ?? 404;
      const fallback = status === 404 ? '404 page not found\n' : `${statusLine(status)}\n`;
      const text = rule.body ?? fallback;
      return { kind: 'reply', reply: textReply(status, text) };
    }
    case 'brokenJson':
      return { kind: 'reply', reply: withBody(jsonReply(200, null), rule.body ?? TRUNCATED_LIST) };
    case 'envelope': {
      const envelope = {
        status: rule.envelopeStatus ?? 'FAIL',
        message: rule.message ?? 'internal error',
      };
      return { kind: 'reply', reply: withBody(jsonReply(rule.status ?? 200, envelope), rule.body) };
    }
  }
}

function withBody(reply: Reply, body: string | undefined): Reply {
  return body === undefined ? reply : { ...reply, body };
}

const STRING_FIELDS = ['method', 'path', 'message', 'body'] as const;
const NUMBER_FIELDS = ['times', 'latencyMs', 'status'] as const;

function hasType(rule: Record<string, unknown>, field: string, type: string): boolean {
  return rule[field] === undefined || typeof rule[field] === type;
}

function ruleProblem(rule: unknown): string | undefined {
  if (!isRecord(rule) || !(FAULT_KINDS as readonly unknown[]).includes(rule.kind)) {
    return `kind must be one of ${FAULT_KINDS.join(', ')}`;
  }
  const wrongString = STRING_FIELDS.find((field) => !hasType(rule, field, 'string'));
  if (wrongString !== undefined) {
    return `${wrongString} must be a string`;
  }
  const wrongNumber = NUMBER_FIELDS.find((field) => !hasType(rule, field, 'number'));
  if (wrongNumber !== undefined) {
    return `${wrongNumber} must be a number`;
  }
  const envelopeStatus = rule.envelopeStatus;
  if (envelopeStatus !== undefined && envelopeStatus !== 'FAIL' && envelopeStatus !== 'ERROR') {
    return 'envelopeStatus must be FAIL or ERROR';
  }
  return undefined;
}

/** The rules in a control request body, or a message saying what is wrong with them. */
export function parseFaultRules(value: unknown): FaultRule[] | string {
  if (!Array.isArray(value)) {
    return 'expected a JSON array of fault rules';
  }
  for (const [index, rule] of value.entries()) {
    const problem = ruleProblem(rule);
    if (problem !== undefined) {
      return `rule ${index}: ${problem}`;
    }
  }
  return value as FaultRule[];
}
