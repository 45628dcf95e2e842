// The API key handshake: an encrypted one-time secret, then a short-lived bearer session.
import { constants, publicEncrypt, randomBytes, randomUUID } from 'node:crypto';
import type { ApiKey } from './apiKeys';
import { isRecord } from './http';
import type { Outcome } from './store';

export const SESSION_TTL_MS = 5 * 60 * 1000;

export interface SessionData {
  userName: string;
  token: string;
  sessionId: string;
}

interface Session extends SessionData {
  expiresAt: number;
}

export class TapHandshakes {
  private readonly secrets = new Map<string, string>();
  private readonly sessions = new Map<string, Session>();

  reset(): void {
    this.secrets.clear();
    this.sessions.clear();
  }

  /** Ends every session; the next bearer request is answered 401. */
  expireSessions(): void {
    this.sessions.clear();
  }

  /** A fresh secret for the key, RSA-OAEP (SHA-256) encrypted under its public key, base64. */
  hand(key: ApiKey): string {
    const secret = randomBytes(24).toString('hex');
    this.secrets.set(key.id, secret);
    const encrypted = publicEncrypt(
      { key: key.publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
      Buffer.from(secret, 'utf8'),
    );
    return encrypted.toString('base64');
  }

  /** Trades the decrypted secret for a session; a secret works once. */
  shake(keyId: string, secret: string): Outcome<SessionData> {
    const expected = this.secrets.get(keyId);
    if (expected === undefined || expected !== secret) {
      return { ok: false, message: 'Authentication Required' };
    }
    this.secrets.delete(keyId);
    const session: Session = {
      userName: keyId,
      token: randomBytes(32).toString('base64url'),
      sessionId: randomUUID(),
      expiresAt: Date.now() + SESSION_TTL_MS,
    };
    this.sessions.set(session.sessionId, session);
    const { userName, token, sessionId } = session;
    return { ok: true, value: { userName, token, sessionId } };
  }

  /** Whether `Bearer base64(JSON of the session data)` names a live session. */
  acceptsBearer(credentials: string): boolean {
    let data: unknown;
    try {
      data = JSON.parse(Buffer.from(credentials, 'base64').toString('utf8'));
    } catch {
      return false;
    }
    if (!isRecord(data)) {
      return false;
    }
    const { sessionId, token } = data;
    const session = typeof sessionId === 'string' ? this.sessions.get(sessionId) : undefined;
    return session !== undefined && session.token === token && session.expiresAt > Date.now();
  }
}
