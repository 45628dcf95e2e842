// Keeps list answers for a while, as the registry's memory cache does (30 s by default there).
import type { Reply } from './http';

interface Entry {
  expiresAt: number;
  reply: Reply;
}

export class ListCache {
  private readonly entries = new Map<string, Entry>();

  /** A ttl of 0 turns caching off. */
  constructor(private readonly ttlMs: number) {}

  /** The cached reply for `key` while it is fresh, otherwise a newly built one. */
  get(key: string, build: () => Reply): Reply {
    if (this.ttlMs <= 0) {
      return build();
    }
    const now = Date.now();
    const entry = this.entries.get(key);
    if (entry !== undefined && entry.expiresAt > now) {
      return entry.reply;
    }
    const reply = build();
    this.entries.set(key, { expiresAt: now + this.ttlMs, reply });
    return reply;
  }

  clear(): void {
    this.entries.clear();
  }
}
