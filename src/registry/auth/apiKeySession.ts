import { constants, privateDecrypt, type KeyObject } from 'node:crypto';
import * as l10n from '@vscode/l10n';
import { isRegistryError } from '../errors';
import { isObject, readString } from '../parse';
import { AuthSetupError, type AuthContext, type ConnectionRoute } from './types';

export interface BearerSession {
  /** The `Authorization` header value. */
  header: string;
  /** True when this session came from the cache rather than a handshake just now. */
  cached: boolean;
  /** Drops this session from the cache (when it is still the cached one). */
  forget: () => void;
}

/** The registry's secret did not open with the stored private key. */
function wrongKeyReason(): string {
  return l10n.t(
    'the stored private key does not belong to this API key (the secret could not be decrypted)',
  );
}

/**
 * An API key's session with one registry: the "hand" and "shake" handshake, done once and shared
 * by concurrent requests, then reused until the registry refuses it.
 */
export class ApiKeySession {
  private pending: Promise<string> | undefined;
  /** The handshake that has completed, so that requests joining one in flight count as fresh. */
  private settled: Promise<string> | undefined;

  constructor(
    private readonly keyId: string,
    private readonly privateKey: () => Promise<KeyObject>,
  ) {}

  async bearer(context: AuthContext, route: ConnectionRoute): Promise<BearerSession> {
    const cached = this.pending !== undefined && this.pending === this.settled;
    if (this.pending === undefined) {
      const started = this.handshake(context, route);
      this.pending = started;
      started.then(
        () => {
          this.settled = started;
        },
        () => undefined,
      );
    }
    const pending = this.pending;
    const forget = (): void => {
      if (this.pending === pending) {
        this.pending = undefined;
      }
    };
    try {
      return { header: await pending, cached, forget };
    } catch (error) {
      forget();
      throw error;
    }
  }

  /** Forgets the session, for example after its key or private key changed. */
  reset(): void {
    this.pending = undefined;
    this.settled = undefined;
  }

  private async handshake(context: AuthContext, route: ConnectionRoute): Promise<string> {
    const key = await this.privateKey();
    const sealed = await this.post(context, route, '/tap/v1/hand', { id: this.keyId });
    const encrypted = readString(sealed) ?? '';
    if (encrypted === '') {
      throw this.failure('unauthorized', l10n.t('the registry sent no secret to decrypt'));
    }
    const secret = this.decrypt(key, encrypted);
    const answer = await this.post(context, route, '/tap/v1/shake', { id: this.keyId, secret });
    const data = isObject(answer) ? answer['data'] : undefined;
    if (!isObject(data) || !readString(data['token'])) {
      const reason = l10n.t('the registry answered the handshake without a session');
      throw this.failure('invalidResponse', reason);
    }
    return `Bearer ${Buffer.from(JSON.stringify(data), 'utf8').toString('base64')}`;
  }

  private decrypt(key: KeyObject, encrypted: string): string {
    try {
      const padding = constants.RSA_PKCS1_OAEP_PADDING;
      const sealed = Buffer.from(encrypted, 'base64');
      return privateDecrypt({ key, padding, oaepHash: 'sha256' }, sealed).toString('utf8');
    } catch (error) {
      throw this.failure('unauthorized', wrongKeyReason(), error);
    }
  }

  private async post(
    context: AuthContext,
    route: ConnectionRoute,
    path: string,
    json: Record<string, string>,
  ): Promise<unknown> {
    const step = path.endsWith('hand') ? 'hand' : 'shake';
    const spec = {
      method: 'POST' as const,
      path,
      json,
      operation: l10n.t({
        message: 'sign in with API key "{0}" ({1})',
        args: [this.keyId, step],
        comment: ['Completes "Could not …". {0} is the id of an API key, {1} a handshake step'],
      }),
      signal: context.signal,
    };
    try {
      return await context.send(spec, route);
    } catch (error) {
      if (!isRegistryError(error)) {
        throw error;
      }
      // A refused key comes back as a FAIL envelope; only transport failures keep their kind.
      const refused = ['envelope', 'http', 'notFound', 'unauthorized', 'forbidden'];
      const kind = refused.includes(error.kind) ? 'unauthorized' : error.kind;
      throw this.failure(kind, error.reason, error);
    }
  }

  private failure(kind: AuthSetupError['kind'], reason: string, cause?: unknown): AuthSetupError {
    const message = l10n.t({
      message: 'signing in with API key "{0}" failed: {1}',
      args: [this.keyId, reason],
      comment: ['{0} is the id of an API key, {1} the reason'],
    });
    return new AuthSetupError(kind, message, { cause });
  }
}
