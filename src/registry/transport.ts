import { STATUS_CODES } from 'node:http';
import * as l10n from '@vscode/l10n';
import { createAgent, request, type Dispatcher } from './undici';
import { setupFailure, withUnauthorizedHint } from './auth/failures';
import type { AuthGrant, RequestAuth } from './auth/types';
import { classifyTransportError, explainForbidden } from './classify';
import { RegistryError, type RegistryErrorKind, type RegistryFix } from './errors';
import { isObject, readString } from './parse';
import { describeNonJson, summarizeBody } from './responseBody';
import { redactUrl } from './url';

/** The few logging calls the client makes; the extension passes its LogOutputChannel. */
export interface RegistryLogger {
  debug(message: string): void;
  error(message: string): void;
}

export type QueryValue = string | number | undefined;

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, QueryValue>;
  /** Sent as a JSON body; the registry reads JSON bodies even on DELETE. */
  json?: unknown;
  /** What the user asked for, in words: "list templates". */
  operation: string;
  signal?: AbortSignal;
}

export interface TransportOptions {
  name: string;
  url: string;
  timeoutMs: number;
  logger?: RegistryLogger;
  /** Most sockets kept open to this registry at once. */
  connections?: number;
  /** Replaces the keep-alive agent (tests, TLS and proxy settings come through here). */
  dispatcher?: Dispatcher;
  /** Adds credentials (and the registry's own TLS and proxy agent) to every request. */
  auth?: RequestAuth;
}

const NO_AUTH: AuthGrant = { headers: {} };

const silentLogger: RegistryLogger = { debug: () => undefined, error: () => undefined };

/**
 * Sends requests to one registry over one keep-alive pool and unwraps the registry's envelope.
 * Everything that goes wrong comes out as a RegistryError.
 */
export class RegistryTransport {
  readonly name: string;
  readonly baseUrl: string;
  private readonly displayUrl: string;
  private readonly host: string;
  /** The base URL split once: every request only appends its path and query. */
  private readonly origin: string;
  private readonly basePath: string;
  private readonly timeoutMs: number;
  private readonly logger: RegistryLogger;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly auth: RequestAuth | undefined;

  constructor(options: TransportOptions) {
    this.name = options.name;
    this.baseUrl = options.url.replace(/\/+$/, '');
    this.displayUrl = redactUrl(this.baseUrl);
    const base = new URL(this.baseUrl);
    this.host = base.host;
    this.origin = base.origin;
    this.basePath = base.pathname.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs;
    this.logger = options.logger ?? silentLogger;
    this.ownsDispatcher = options.dispatcher === undefined;
    this.dispatcher =
      options.dispatcher ??
      createAgent({ connections: options.connections ?? 8, keepAliveTimeout: 10_000 });
    this.auth = options.auth;
  }

  /** Sends with credentials; a refused cached session is renewed and the request sent once more. */
  async call(spec: RequestSpec): Promise<unknown> {
    const grant = await this.authorize(spec);
    try {
      return await this.send(spec, grant);
    } catch (error) {
      if (!grant.renew || !(error instanceof RegistryError) || error.kind !== 'unauthorized') {
        throw withUnauthorizedHint(error, grant.unauthorizedHint);
      }
      grant.renew();
      const fresh = await this.authorize(spec);
      return this.send(spec, fresh).catch((retryError: unknown) => {
        throw withUnauthorizedHint(retryError, fresh.unauthorizedHint);
      });
    }
  }

  private async authorize(spec: RequestSpec): Promise<AuthGrant> {
    if (!this.auth) {
      return NO_AUTH;
    }
    try {
      return await this.auth.prepare({
        signal: spec.signal,
        send: (handshake, route) => this.send(handshake, { ...route, headers: {} }),
      });
    } catch (error) {
      const failure = spec.signal?.aborted
        ? { kind: 'cancelled' as const, reason: l10n.t('the request was cancelled') }
        : setupFailure(error);
      const code = 'code' in failure ? failure.code : undefined;
      const fixes = 'fixes' in failure ? failure.fixes : undefined;
      const setup = this.error(spec, failure.kind, failure.reason, { code, fixes, cause: error });
      this.logger.error(`${spec.method} ${spec.path}: ${setup.message}`);
      throw setup;
    }
  }

  private async send(spec: RequestSpec, grant: AuthGrant): Promise<unknown> {
    const path = this.pathOf(spec);
    const started = performance.now();
    const label = `${spec.method} ${this.displayUrl}${path.slice(this.basePath.length)}`;

    let statusCode: number;
    let contentType: string | undefined;
    let text: string;
    try {
      const response = await request({ origin: this.origin, path }, {
        method: spec.method,
        dispatcher: grant.dispatcher ?? this.dispatcher,
        signal: spec.signal,
        // undici's own timers, not an AbortSignal per request: the same limit for less work.
        // The answer's headers must come within the timeout, and the body never stall longer.
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
        headers: { ...this.headersFor(spec), ...grant.headers },
        body: spec.json === undefined ? undefined : JSON.stringify(spec.json),
      });
      statusCode = response.statusCode;
      contentType = headerValue(response.headers['content-type']);
      text = await response.body.text();
    } catch (error) {
      const failure = this.failureFor(spec, error, grant);
      this.logger.error(`${label} failed after ${elapsed(started)}: ${failure.message}`);
      throw failure;
    }

    this.logger.debug(`${label} → ${statusCode} (${elapsed(started)})`);
    try {
      return this.unwrap(spec, statusCode, contentType, text);
    } catch (error) {
      this.logger.error(`${label}: ${(error as Error).message}`);
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.auth?.close();
    if (this.ownsDispatcher) {
      await this.dispatcher.close();
    }
  }

  /** The path of a request under the base URL's own path, with its query. */
  private pathOf(spec: RequestSpec): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(spec.query ?? {})) {
      if (value !== undefined) {
        params.append(key, String(value));
      }
    }
    const query = params.toString();
    // URLSearchParams writes a space as '+', which Go also reads back as a space; '+' is %2B.
    return `${this.basePath}${spec.path}${query === '' ? '' : `?${query}`}`;
  }

  private headersFor(spec: RequestSpec): Record<string, string> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (spec.json !== undefined) {
      headers['content-type'] = 'application/json';
    }
    return headers;
  }

  private failureFor(
    spec: RequestSpec,
    error: unknown,
    grant: AuthGrant,
  ): RegistryError {
    if (spec.signal?.aborted) {
      const reason = l10n.t('the request was cancelled');
      return this.error(spec, 'cancelled', reason, { cause: error });
    }
    if (isUndiciTimeout(error)) {
      const seconds = Math.round(this.timeoutMs / 100) / 10;
      const reason = l10n.t('no answer within {0} s', seconds);
      return this.error(spec, 'timeout', reason, { cause: error });
    }
    const failure = classifyTransportError(error, this.host, {
      proxy: grant.proxy,
      clientCertificate: grant.clientCertificate,
      https: this.baseUrl.startsWith('https:'),
    });
    const { kind, reason, code, fixes } = failure;
    return this.error(spec, kind, reason, { cause: error, code, fixes });
  }

  private unwrap(
    spec: RequestSpec,
    statusCode: number,
    contentType: string | undefined,
    text: string,
  ): unknown {
    const json = tryParseJson(text);
    const message = isObject(json) ? readString(json['message']) : undefined;
    const envelopeStatus = isObject(json) ? readString(json['status']) : undefined;

    if (statusCode >= 400) {
      const statusText = `HTTP ${statusCode} ${STATUS_CODES[statusCode] ?? ''}`.trim();
      const said = message || (json === undefined ? summarizeBody(text) : undefined);
      const told = said ? `${statusText}: ${said}` : statusText;
      const reason = statusCode === 403 ? `${told}; ${explainForbidden(said)}` : told;
      return this.throwError(spec, kindForStatus(statusCode), reason, statusCode, envelopeStatus);
    }
    if (json === undefined) {
      const reason = describeNonJson(text, contentType);
      return this.throwError(spec, 'invalidResponse', reason, statusCode);
    }
    if (!isObject(json) || envelopeStatus === undefined) {
      return this.throwError(
        spec,
        'invalidResponse',
        l10n.t(
          'the answer is not a registry response (no "status" field); is this an Anka Registry?',
        ),
        statusCode,
      );
    }
    if (envelopeStatus.toUpperCase() !== 'OK') {
      const reason = message || l10n.t({
        message: 'the registry answered {0} without a message',
        args: [envelopeStatus],
        comment: ['{0} is the status the registry sent, such as FAIL'],
      });
      const kind = message === 'Authentication Required' ? 'unauthorized' : 'envelope';
      return this.throwError(spec, kind, reason, statusCode, envelopeStatus);
    }
    return json['body'];
  }

  private throwError(
    spec: RequestSpec,
    kind: RegistryErrorKind,
    reason: string,
    httpStatus: number,
    envelopeStatus?: string,
  ): never {
    throw this.error(spec, kind, reason, { httpStatus, envelopeStatus });
  }

  private error(
    spec: RequestSpec,
    kind: RegistryErrorKind,
    reason: string,
    extra: {
      cause?: unknown;
      code?: string;
      fixes?: readonly RegistryFix[];
      httpStatus?: number;
      envelopeStatus?: string;
    },
  ): RegistryError {
    return new RegistryError({
      kind,
      operation: spec.operation,
      registryName: this.name,
      registryUrl: this.displayUrl,
      reason,
      ...extra,
    });
  }
}

function kindForStatus(status: number): RegistryErrorKind {
  if (status === 401) {
    return 'unauthorized';
  }
  if (status === 403) {
    return 'forbidden';
  }
  return status === 404 ? 'notFound' : 'http';
}

function tryParseJson(text: string): unknown {
  if (text.trim() === '') {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** undici's errors for an answer whose headers or body did not come in time. */
function isUndiciTimeout(error: unknown): boolean {
  const code = isObject(error) ? error['code'] : undefined;
  return code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT';
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function elapsed(started: number): string {
  return `${Math.round(performance.now() - started)} ms`;
}
