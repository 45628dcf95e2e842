import type { DiskUsage, Template, TemplateSummary } from '../registry/models';
import { lastUseOf } from './templateDates';

/** The figures of the Registry Overview and the registry's tooltip, as plain data. */

export interface OverviewTemplate {
  id: string;
  name: string;
  size: number | undefined;
  arch: string | undefined;
  /** Last pull, or last push when newer (Unix seconds). */
  lastUse: number | undefined;
  tags: number | undefined;
}

/** Templates not used for `days` days or more, and the space they hold. */
export interface StaleGroup {
  days: number;
  count: number;
  bytes: number;
  /** Largest first, at most `listLimit` of them. */
  templates: OverviewTemplate[];
}

export interface ArchCount {
  /** `arm64`, `amd64`, or `unknown` for templates without one. */
  arch: string;
  count: number;
  bytes: number;
}

export interface RegistryOverview {
  /** Templates the list names. */
  templates: number;
  /** Of those, the ones whose details were read: arch, tags and dates come from them. */
  withDetails: number;
  /** Sum of the template sizes the registry reports (each counts its stored files once). */
  storedBytes: number;
  /** Templates the list gives no size for. */
  unknownSize: number;
  tags: number;
  disk: DiskUsage | undefined;
  largest: OverviewTemplate[];
  stale: StaleGroup[];
  /** Templates with details but neither a pull nor a push date. */
  undated: number;
  byArch: ArchCount[];
  computedAt: number;
}

export interface OverviewInput {
  summaries: readonly TemplateSummary[];
  detailOf: (id: string) => Template | undefined;
  disk: DiskUsage | undefined;
  nowMillis: number;
  largestCount?: number;
  staleDays?: readonly number[];
  listLimit?: number;
}

const DAY_SECONDS = 86_400;
export const STALE_DAYS: readonly number[] = [30, 90];

export function computeOverview(input: OverviewInput): RegistryOverview {
  const staleDays = input.staleDays ?? STALE_DAYS;
  const listLimit = input.listLimit ?? 10;
  const nowSeconds = input.nowMillis / 1000;
  const rows = input.summaries.map((summary) => toRow(summary, input.detailOf(summary.id)));
  const detailed = rows.filter((row) => row.tags !== undefined);
  const sized = rows.filter((row) => row.size !== undefined);

  const stale = staleDays.map((days): StaleGroup => {
    const members = detailed.filter(
      (row) => row.lastUse !== undefined && nowSeconds - row.lastUse >= days * DAY_SECONDS,
    );
    return {
      days,
      count: members.length,
      bytes: sum(members),
      templates: bySizeDescending(members).slice(0, listLimit),
    };
  });
  return {
    templates: rows.length,
    withDetails: detailed.length,
    storedBytes: sum(sized),
    unknownSize: rows.length - sized.length,
    tags: detailed.reduce((total, row) => total + (row.tags ?? 0), 0),
    disk: input.disk,
    largest: bySizeDescending(sized).slice(0, input.largestCount ?? listLimit),
    stale,
    undated: detailed.filter((row) => row.lastUse === undefined).length,
    byArch: countByArch(detailed),
    computedAt: input.nowMillis,
  };
}

function toRow(summary: TemplateSummary, template: Template | undefined): OverviewTemplate {
  return {
    id: summary.id,
    name: template?.name ?? summary.name,
    size: template?.size ?? summary.size,
    arch: template?.arch,
    lastUse: template ? lastUseOf(template) : undefined,
    tags: template?.versions.length,
  };
}

function sum(rows: readonly OverviewTemplate[]): number {
  return rows.reduce((total, row) => total + (row.size ?? 0), 0);
}

function bySizeDescending(rows: readonly OverviewTemplate[]): OverviewTemplate[] {
  return [...rows].sort((a, b) => (b.size ?? 0) - (a.size ?? 0));
}

function countByArch(rows: readonly OverviewTemplate[]): ArchCount[] {
  const counts = new Map<string, ArchCount>();
  for (const row of rows) {
    const arch = row.arch ?? 'unknown';
    const entry = counts.get(arch) ?? { arch, count: 0, bytes: 0 };
    entry.count++;
    entry.bytes += row.size ?? 0;
    counts.set(arch, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.arch.localeCompare(b.arch));
}

/** Share of the disk in use, 0 to 100, when the registry reported both figures. */
export function diskUsedPercent(disk: DiskUsage | undefined): number | undefined {
  if (disk?.total === undefined || disk.free === undefined || disk.total <= 0) {
    return undefined;
  }
  return Math.round(((disk.total - disk.free) / disk.total) * 100);
}
