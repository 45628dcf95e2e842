import * as l10n from '@vscode/l10n';
import { formatDateTime, formatRelativeTime } from '../../format';
import type { ApiKey } from '../../registry';

/** API key lifetimes, groups and dates in words; no VS Code import, so unit tests can reach it. */

const UNIT_SECONDS: Record<string, number> = {
  s: 1,
  m: 60,
  h: 3600,
  d: 24 * 3600,
  w: 7 * 24 * 3600,
  y: 365 * 24 * 3600,
};

/** "3600", "90d", "12h", "1d12h", "2w": seconds, or a reason it cannot be read. */
export function parseTtl(text: string): number | { problem: string } {
  const compact = text.trim().toLowerCase().replace(/\s+/g, '');
  if (/^\d+$/.test(compact)) {
    const seconds = Number(compact);
    return seconds > 0 ? seconds : { problem: notPositive() };
  }
  if (!/^(\d+[smhdwy])+$/.test(compact)) {
    return { problem: l10n.t('Write seconds (3600) or a duration such as 90d, 12h, 2w or 1d12h.') };
  }
  let seconds = 0;
  for (const [, amount = '0', unit = 's'] of compact.matchAll(/(\d+)([smhdwy])/g)) {
    seconds += Number(amount) * (UNIT_SECONDS[unit] ?? 1);
  }
  return seconds > 0 ? seconds : { problem: notPositive() };
}

function notPositive(): string {
  return l10n.t('The lifetime must be more than 0 seconds.');
}

export function ttlProblem(text: string): string | undefined {
  const ttl = parseTtl(text);
  return typeof ttl === 'number' ? undefined : ttl.problem;
}

/** The groups typed as "ci, developers": trimmed, without empties or repeats. */
export function parseGroups(text: string): string[] {
  return [...new Set(text.split(/[,\s]+/).map((group) => group.trim()).filter(Boolean))];
}

export function keyIdProblem(text: string, taken: readonly string[]): string | undefined {
  const id = text.trim();
  if (id === '') {
    return l10n.t('Enter an id for the key.');
  }
  if (/[\s/?#&]/.test(id)) {
    return l10n.t('The id cannot contain spaces or / ? # &.');
  }
  return taken.includes(id) ? l10n.t('The registry already has a key "{0}".', id) : undefined;
}

/** "created 2026-11-02 10:15 · expires in 3 weeks", or "… · expired 2 days ago". */
export function describeKeyDates(key: ApiKey, nowMillis = Date.now()): string {
  const created = secondsOf(key.created);
  const expires = secondsOf(key.expiration);
  const parts: string[] = [];
  if (created !== undefined) {
    parts.push(l10n.t('created {0}', formatDateTime(created)));
  }
  if (expires !== undefined) {
    const when = formatRelativeTime(expires, nowMillis);
    parts.push(expires * 1000 <= nowMillis
      ? l10n.t({ message: 'expired {0}', args: [when], comment: '{0} is "3 days ago"' })
      : l10n.t({ message: 'expires {0}', args: [when], comment: '{0} is "in 3 weeks"' }));
  }
  return parts.join(' · ') || l10n.t('no dates known');
}

export function isExpired(key: ApiKey, nowMillis = Date.now()): boolean {
  const expires = secondsOf(key.expiration);
  return expires !== undefined && expires * 1000 <= nowMillis;
}

function secondsOf(text: string | undefined): number | undefined {
  const millis = text === undefined ? Number.NaN : Date.parse(text);
  return Number.isFinite(millis) ? Math.floor(millis / 1000) : undefined;
}
