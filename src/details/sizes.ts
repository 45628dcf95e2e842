import * as l10n from '@vscode/l10n';
import type { DiskUsage, Template } from '../registry/models';
import { analyzeLayers, filesOf, isSize, sizeOfFiles, type LayerAnalysis } from './layers';

/** What each tag weighs and adds, what sharing saves, and the template's share of the disk. */

export interface TagSizes {
  number: number;
  tag: string;
  /** Bytes of every file the tag uses, shared layers included. */
  size: number | undefined;
  /** Size minus the previous tag's size; undefined for the oldest tag or unknown sizes. */
  change: number | undefined;
  /** Layer files that the previous tag did not use (every layer for the oldest tag). */
  newLayers: string[];
  newStateFiles: string[];
  /** Files of the previous tag that this tag no longer uses, such as an old suspended state. */
  droppedFiles: string[];
  /** Bytes of the new layers and state files, when the registry's sums determine them. */
  addedBytes: number | undefined;
}

export interface TemplateSizes {
  /** Oldest first. */
  tags: TagSizes[];
  /** Every stored file counted once, as the registry reports it. */
  storedTotal: number | undefined;
  /** The tag sizes added up, as if nothing were shared; undefined if a tag size is missing. */
  sumOfTagSizes: number | undefined;
  /** Tags whose size the registry did not report. */
  missingSizes: number;
  /** What sharing layers saves: the sum of tag sizes minus the stored total. */
  sharingSaves: number | undefined;
  layers: LayerAnalysis;
}

export function templateSizes(template: Template): TemplateSizes {
  const layers = analyzeLayers(template);
  const versions = [...template.versions].sort((a, b) => a.number - b.number);
  const tags = versions.map((version, index): TagSizes => {
    const previous = index > 0 ? versions[index - 1] : undefined;
    const before = new Set(previous ? filesOf(previous).map((entry) => entry.file) : []);
    const now = filesOf(version);
    const added = now.filter((entry) => !before.has(entry.file));
    const nowNames = new Set(now.map((entry) => entry.file));
    return {
      number: version.number,
      tag: version.tag,
      size: isSize(version.size) ? version.size : undefined,
      change:
        previous && isSize(previous.size) && isSize(version.size)
          ? version.size - previous.size
          : undefined,
      newLayers: added.filter((entry) => entry.kind === 'layer').map((entry) => entry.file),
      newStateFiles: added.filter((entry) => entry.kind === 'state').map((entry) => entry.file),
      droppedFiles: [...before].filter((file) => !nowNames.has(file)),
      addedBytes: sizeOfFiles(layers, added.map((entry) => entry.file)),
    };
  });
  const missingSizes = tags.filter((tag) => tag.size === undefined).length;
  const sumOfTagSizes =
    missingSizes === 0 ? tags.reduce((sum, tag) => sum + (tag.size ?? 0), 0) : undefined;
  const storedTotal = isSize(template.size) ? template.size : undefined;
  const sharingSaves =
    sumOfTagSizes !== undefined && storedTotal !== undefined && tags.length > 0
      ? Math.max(0, sumOfTagSizes - storedTotal)
      : undefined;
  return { tags, storedTotal, sumOfTagSizes, missingSizes, sharingSaves, layers };
}

export interface DiskShare {
  total: number;
  free: number;
  used: number;
  /** This template's stored bytes, capped at what is used. */
  template: number;
  /** Used by everything else. */
  other: number;
  /** Fractions of the total, 0 to 1. */
  templateFraction: number;
  otherFraction: number;
  freeFraction: number;
}

/** The registry's disk split into this template, everything else, and free space. */
export function diskShare(
  disk: DiskUsage,
  templateBytes: number | undefined,
): DiskShare | undefined {
  const { total, free } = disk;
  if (!isSize(total) || !isSize(free) || total === 0) {
    return undefined;
  }
  const boundedFree = Math.min(free, total);
  const used = total - boundedFree;
  const template = isSize(templateBytes) ? Math.min(templateBytes, used) : 0;
  const other = used - template;
  return {
    total,
    free: boundedFree,
    used,
    template,
    other,
    templateFraction: template / total,
    otherFraction: other / total,
    freeFraction: boundedFree / total,
  };
}

/** A percentage for labels: "0.4%", "<0.1%", "63%". */
export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction) || fraction <= 0) {
    return '0%';
  }
  const percent = fraction * 100;
  if (percent < 0.1) {
    return '<0.1%';
  }
  return percent < 10 ? `${percent.toFixed(1)}%` : `${Math.round(percent)}%`;
}

/** A signed size change: "+1.2 GiB", "−4.0 KiB", "no change". */
export function formatChange(bytes: number | undefined, format: (bytes: number) => string): string {
  if (bytes === undefined) {
    return l10n.t('unknown');
  }
  if (bytes === 0) {
    return l10n.t('no change');
  }
  return `${bytes > 0 ? '+' : '−'}${format(Math.abs(bytes))}`;
}
