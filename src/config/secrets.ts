import * as vscode from 'vscode';
import type { RegistrySecrets } from '../registry/auth';

/** Identifies a registry's secrets: its name and URL, as configured. */
export interface SecretOwner {
  name: string;
  url: string;
}

export type SecretChanges = Partial<Record<keyof RegistrySecrets, string | undefined>>;

const PREFIX = 'ankaRegistry.registry:';
const FIELDS = ['rootToken', 'apiKeyPem', 'keyPassphrase'] as const;

/**
 * The registries' secrets (root tokens, API private keys, key passphrases) in VS Code's
 * SecretStorage, one JSON record per registry. Nothing here is ever logged.
 */
export class RegistrySecretStore implements vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<string>();
  private readonly subscription: vscode.Disposable;
  /** Fires with the storage key of a registry whose secrets changed (here or in another window). */
  readonly onDidChange = this.changes.event;

  /** What this window last read or wrote per key, so its own writes are announced only once. */
  private readonly known = new Map<string, string | undefined>();

  constructor(private readonly storage: vscode.SecretStorage) {
    this.subscription = storage.onDidChange((event) => {
      if (event.key.startsWith(PREFIX)) {
        void this.changedElsewhere(event.key);
      }
    });
  }

  private async changedElsewhere(key: string): Promise<void> {
    const value = await this.storage.get(key);
    if (this.known.has(key) && this.known.get(key) === value) {
      return;
    }
    this.known.set(key, value);
    this.changes.fire(key);
  }

  keyOf(owner: SecretOwner): string {
    return `${PREFIX}${owner.url}#${owner.name}`;
  }

  async get(owner: SecretOwner): Promise<RegistrySecrets> {
    const key = this.keyOf(owner);
    const stored = await this.storage.get(key);
    this.known.set(key, stored);
    if (!stored) {
      return {};
    }
    try {
      const parsed: unknown = JSON.parse(stored);
      return typeof parsed === 'object' && parsed !== null
        ? pick(parsed as Record<string, unknown>)
        : {};
    } catch {
      return {};
    }
  }

  /** Changes some secrets of a registry; a field given as undefined or '' is removed. */
  async update(owner: SecretOwner, changes: SecretChanges): Promise<void> {
    const next: Record<string, unknown> = { ...(await this.get(owner)) };
    for (const [field, value] of Object.entries(changes)) {
      if (value === undefined || value === '') {
        delete next[field];
      } else {
        next[field] = value;
      }
    }
    await this.replace(owner, pick(next));
  }

  async replace(owner: SecretOwner, secrets: RegistrySecrets): Promise<void> {
    const key = this.keyOf(owner);
    const kept = pick({ ...secrets });
    const value = Object.keys(kept).length === 0 ? undefined : JSON.stringify(kept);
    this.known.set(key, value);
    if (value === undefined) {
      await this.storage.delete(key);
    } else {
      await this.storage.store(key, value);
    }
    this.changes.fire(key);
  }

  async delete(owner: SecretOwner): Promise<void> {
    const key = this.keyOf(owner);
    this.known.set(key, undefined);
    await this.storage.delete(key);
    this.changes.fire(key);
  }

  /** Moves the secrets when a registry is renamed or its URL changes. */
  async move(from: SecretOwner, to: SecretOwner): Promise<void> {
    if (this.keyOf(from) === this.keyOf(to)) {
      return;
    }
    const secrets = await this.get(from);
    await this.replace(to, secrets);
    await this.delete(from);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changes.dispose();
  }
}

function pick(record: Record<string, unknown>): RegistrySecrets {
  const secrets: RegistrySecrets = {};
  for (const field of FIELDS) {
    const value = record[field];
    if (typeof value === 'string' && value !== '') {
      secrets[field] = value;
    }
  }
  return secrets;
}
