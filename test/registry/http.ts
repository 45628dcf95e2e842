// Request context and reply builders shared by the routes, in the style of a Go HTTP server.
import type { IncomingHttpHeaders } from 'node:http';

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface RequestContext {
  method: string;
  path: string;
  rawQuery: string;
  /** First value of each query parameter, decoded like Go's `url.ParseQuery`. */
  query: Map<string, string>;
  headers: IncomingHttpHeaders;
  body: string;
  /** The client signed in with a certificate the registry trusts. */
  clientCertified?: boolean;
}

export type EnvelopeStatus = 'OK' | 'FAIL' | 'ERROR';

const JSON_TYPE = 'application/json; charset=utf-8';
const TEXT_TYPE = 'text/plain; charset=utf-8';

export function jsonReply(status: number, payload: unknown): Reply {
  return { status, headers: { 'Content-Type': JSON_TYPE }, body: JSON.stringify(payload) };
}

export function okReply(body: unknown): Reply {
  return jsonReply(200, { status: 'OK', body, message: '' });
}

/** The OK answer without a `body` key, as the API key updates send it. */
export function okWithoutBody(): Reply {
  return jsonReply(200, { status: 'OK', message: '' });
}

/**
 * Domain failures (unknown template, tag, key; invalid input) are answered with HTTP 200 and a
 * FAIL envelope throughout, the way the registry's handlers report errors in the envelope.
 */
export function failReply(message: string, httpStatus = 200): Reply {
  return jsonReply(httpStatus, { status: 'FAIL', body: null, message });
}

export function textReply(status: number, text: string, contentType = TEXT_TYPE): Reply {
  return { status, headers: { 'Content-Type': contentType }, body: text };
}

/** What Go's `http.NotFound` writes. */
export function goNotFound(): Reply {
  const reply = textReply(404, '404 page not found\n');
  reply.headers['X-Content-Type-Options'] = 'nosniff';
  return reply;
}

export function methodNotAllowed(allowed: readonly string[]): Reply {
  const reply = textReply(405, 'Method Not Allowed\n');
  reply.headers['Allow'] = allowed.join(', ');
  return reply;
}

export function authenticationRequired(): Reply {
  return jsonReply(401, { status: 'FAIL', message: 'Authentication Required' });
}

/**
 * Splits on `&`, turns `+` into a space and percent-decodes; pairs with a `;` or a bad escape are
 * skipped, as Go does. A tag sent with a raw `+` therefore arrives with a space.
 */
export function parseGoQuery(rawQuery: string): Map<string, string> {
  const query = new Map<string, string>();
  for (const pair of rawQuery.split('&')) {
    if (pair === '' || pair.includes(';')) {
      continue;
    }
    const equals = pair.indexOf('=');
    const rawKey = equals < 0 ? pair : pair.slice(0, equals);
    const rawValue = equals < 0 ? '' : pair.slice(equals + 1);
    const key = decodeFormComponent(rawKey);
    const value = decodeFormComponent(rawValue);
    if (key !== undefined && value !== undefined && !query.has(key)) {
      query.set(key, value);
    }
  }
  return query;
}

function decodeFormComponent(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** A JSON object from the request body, `{}` for an empty body, undefined when malformed. */
export function jsonObjectBody(context: RequestContext): Record<string, unknown> | undefined {
  if (context.body.trim() === '') {
    return {};
  }
  try {
    const parsed: unknown = JSON.parse(context.body);
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-negative integer query value, undefined when absent, NaN when malformed. */
export function integerParam(context: RequestContext, name: string): number | undefined {
  const text = context.query.get(name);
  if (text === undefined || text === '') {
    return undefined;
  }
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
}
