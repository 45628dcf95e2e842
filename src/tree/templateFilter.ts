import * as l10n from '@vscode/l10n';
import type { Template, TemplateSummary } from '../registry/models';
import { unusedFor } from './templateDates';

/**
 * What a registry's templates are narrowed to. Every part is optional and all of them must hold.
 * Typed as one line: words are matched against the name, `arch:arm64` or `arch:amd64` picks an
 * arch, `unpulled:90` keeps templates not pulled (nor pushed) for 90 days or more.
 */
export interface TemplateFilter {
  /** Part of the name, matched case-insensitively. */
  text?: string;
  arch?: FilterArch;
  /** Days since the template was last pulled or pushed, at least. */
  unpulledDays?: number;
}

export type FilterArch = 'arm64' | 'amd64';

export type ParsedFilter = { ok: true; filter: TemplateFilter } | { ok: false; message: string };

const ARCHES: readonly FilterArch[] = ['arm64', 'amd64'];
const MAX_DAYS = 36_500;

/** Reads the one-line form; an empty line is the empty filter. */
export function parseFilter(input: string): ParsedFilter {
  const words: string[] = [];
  const filter: TemplateFilter = {};
  for (const token of input.trim().split(/\s+/).filter(Boolean)) {
    const match = /^@?(arch|unpulled|not-pulled):(.*)$/i.exec(token);
    if (!match) {
      words.push(token);
      continue;
    }
    const key = (match[1] ?? '').toLowerCase();
    const value = (match[2] ?? '').toLowerCase();
    if (key === 'arch') {
      if (!(ARCHES as readonly string[]).includes(value)) {
        const message = l10n.t({
          message: 'arch must be arm64 or amd64, not "{0}"',
          args: [match[2] ?? ''],
          comment: ['"arch", arm64 and amd64 are words of the filter, kept as they are'],
        });
        return { ok: false, message };
      }
      filter.arch = value as FilterArch;
    } else {
      const days = /^(\d+)d?$/.exec(value);
      const count = days ? Number(days[1]) : Number.NaN;
      if (!Number.isSafeInteger(count) || count < 1 || count > MAX_DAYS) {
        const message = l10n.t({
          message: 'unpulled takes a number of days, like unpulled:90',
          comment: ['"unpulled" is a word of the filter, kept as it is'],
        });
        return { ok: false, message };
      }
      filter.unpulledDays = count;
    }
  }
  if (words.length > 0) {
    filter.text = words.join(' ');
  }
  return { ok: true, filter };
}

/** The one-line form of a filter, as parseFilter reads it back. */
export function formatFilter(filter: TemplateFilter): string {
  return [
    filter.text,
    filter.arch === undefined ? undefined : `arch:${filter.arch}`,
    filter.unpulledDays === undefined ? undefined : `unpulled:${filter.unpulledDays}d`,
  ]
    .filter((part): part is string => part !== undefined && part !== '')
    .join(' ');
}

/** Words for a row's description: `"xcode", arm64, not pulled for 90 days`. */
export function describeFilter(filter: TemplateFilter): string {
  return [
    filter.text === undefined ? undefined : `"${filter.text}"`,
    filter.arch,
    filter.unpulledDays === undefined ? undefined : notPulledFor(filter.unpulledDays),
  ]
    .filter((part): part is string => part !== undefined)
    .join(', ');
}

function notPulledFor(days: number): string {
  return days === 1 ? l10n.t('not pulled for 1 day') : l10n.t('not pulled for {0} days', days);
}

export function isEmptyFilter(filter: TemplateFilter | undefined): boolean {
  return (
    filter === undefined ||
    (filter.text === undefined && filter.arch === undefined && filter.unpulledDays === undefined)
  );
}

/** Arch and dates come with a template's details, which big registries do not load up front. */
export function filterNeedsDetails(filter: TemplateFilter | undefined): boolean {
  return filter?.arch !== undefined || filter?.unpulledDays !== undefined;
}

/**
 * Whether a template passes the filter; undefined when that depends on details not loaded yet.
 * A template without dates never counts as "not pulled": nothing says it is stale.
 */
export function matchesFilter(
  filter: TemplateFilter,
  summary: TemplateSummary,
  template: Template | undefined,
  nowMillis: number,
): boolean | undefined {
  if (filter.text !== undefined && !containsText(template?.name ?? summary.name, filter.text)) {
    return false;
  }
  if (!filterNeedsDetails(filter)) {
    return true;
  }
  if (template === undefined) {
    return undefined;
  }
  if (filter.arch !== undefined && template.arch !== filter.arch) {
    return false;
  }
  if (filter.unpulledDays !== undefined) {
    return unusedFor(template, filter.unpulledDays, nowMillis) === true;
  }
  return true;
}

function containsText(name: string, text: string): boolean {
  return name.toLowerCase().includes(text.toLowerCase());
}
