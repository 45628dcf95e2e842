// User API keys ("UAK"): ids, groups, lifetimes and the public keys the handshake encrypts to.
import { createPublicKey, generateKeyPair, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import type { SeedApiKey } from './model';
import type { Outcome } from './store';

const generateRsaKeyPair = promisify(generateKeyPair);

export interface ApiKey {
  id: string;
  groups: string[];
  created: Date;
  expiration: Date;
  publicKey: KeyObject;
}

export interface NewApiKey {
  id: string;
  ttlSeconds: number;
  groups: string[];
  /** Base64 PKIX (SPKI) DER; when absent a key pair is generated. */
  publicKey?: string;
}

export interface ApiKeyChanges {
  ttlSeconds?: number;
  groups?: string[];
}

let seedPublicKey: KeyObject | undefined;

/** Seeded keys share one public key, generated once per process since RSA generation is slow. */
function sharedSeedPublicKey(): KeyObject {
  seedPublicKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
  return seedPublicKey;
}

function afterSeconds(start: Date, seconds: number): Date {
  return new Date(start.getTime() + seconds * 1000);
}

export class ApiKeyStore {
  private keys = new Map<string, ApiKey>();

  constructor(private readonly seed: readonly SeedApiKey[]) {
    this.reset();
  }

  reset(): void {
    this.keys = new Map(
      this.seed.map((key) => [
        key.id,
        {
          id: key.id,
          groups: [...key.groups],
          created: new Date(key.createdAt),
          expiration: afterSeconds(key.createdAt, key.ttlSeconds),
          publicKey: sharedSeedPublicKey(),
        },
      ]),
    );
  }

  list(): ApiKey[] {
    return [...this.keys.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  find(id: string): ApiKey | undefined {
    return this.keys.get(id);
  }

  /** Stores the key; answers the generated private key (base64 PKCS#1 DER) or null. */
  async create(request: NewApiKey): Promise<Outcome<string | null>> {
    if (this.keys.has(request.id)) {
      return { ok: false, message: `api key ${request.id} already exists` };
    }
    let publicKey: KeyObject;
    let privateKey: string | null = null;
    if (request.publicKey === undefined) {
      const pair = await generateRsaKeyPair('rsa', { modulusLength: 2048 });
      publicKey = pair.publicKey;
      privateKey = pair.privateKey.export({ type: 'pkcs1', format: 'der' }).toString('base64');
    } else {
      const parsed = parsePublicKey(request.publicKey);
      if (parsed === undefined) {
        return { ok: false, message: 'publicKey is not a base64 PKIX DER public key' };
      }
      publicKey = parsed;
    }
    // Checked again: another request may have taken the id while the key pair was generated.
    if (this.keys.has(request.id)) {
      return { ok: false, message: `api key ${request.id} already exists` };
    }
    const created = new Date();
    const expiration = afterSeconds(created, request.ttlSeconds);
    const groups = [...request.groups];
    this.keys.set(request.id, { id: request.id, groups, created, expiration, publicKey });
    return { ok: true, value: privateKey };
  }

  update(id: string, changes: ApiKeyChanges): Outcome<null> {
    const key = this.keys.get(id);
    if (key === undefined) {
      return { ok: false, message: `api key ${id} not found` };
    }
    if (changes.groups !== undefined) {
      key.groups = [...changes.groups];
    }
    if (changes.ttlSeconds !== undefined) {
      key.expiration = afterSeconds(new Date(), changes.ttlSeconds);
    }
    return { ok: true, value: null };
  }

  delete(id: string): Outcome<null> {
    return this.keys.delete(id)
      ? { ok: true, value: null }
      : { ok: false, message: `api key ${id} not found` };
  }
}

function parsePublicKey(base64: string): KeyObject | undefined {
  try {
    const der = Buffer.from(base64, 'base64');
    const key = createPublicKey({ key: der, format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'rsa' ? key : undefined;
  } catch {
    return undefined;
  }
}
