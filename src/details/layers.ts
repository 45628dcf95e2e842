import type { Template, TemplateVersion } from '../registry/models';

/**
 * Which layer and state files each tag uses, and what each file weighs. The registry reports
 * only sums (per tag, and per template with every file once), so file sizes are derived from
 * those sums where they determine them; files that always travel together get one size.
 */

export type FileKind = 'layer' | 'state';

export interface LayerFile {
  file: string;
  kind: FileKind;
  /** Version numbers of the tags that use the file, oldest first. */
  usedBy: number[];
  /** The oldest version that uses it. */
  introducedBy: number;
  /** Index into `groups`: the files used by exactly the same tags. */
  group: number;
}

export interface FileGroup {
  files: string[];
  /** Bytes of all files of the group together, when the registry's sums determine it. */
  size: number | undefined;
}

export interface LayerAnalysis {
  /** Ordered by the version that introduced them, then by their place in that version's list. */
  files: LayerFile[];
  groups: FileGroup[];
  /** False when the registry's sums contradict each other; every size is then unknown. */
  consistent: boolean;
}

/** A version's files: layers first, then state files, each once. */
export function filesOf(version: TemplateVersion): Array<{ file: string; kind: FileKind }> {
  const seen = new Set<string>();
  const files: Array<{ file: string; kind: FileKind }> = [];
  for (const file of version.images) {
    if (!seen.has(file)) {
      seen.add(file);
      files.push({ file, kind: 'layer' });
    }
  }
  for (const file of version.stateFiles) {
    if (!seen.has(file)) {
      seen.add(file);
      files.push({ file, kind: 'state' });
    }
  }
  return files;
}

export function analyzeLayers(template: Template): LayerAnalysis {
  const files = collectFiles(template.versions);
  const groups = groupFiles(files);
  const equations = equationsOf(template, files);
  const solved = solveGroupSizes(groups.length, equations);
  return {
    files,
    groups: groups.map((members, index) => ({
      files: members,
      size: solved.consistent ? solved.sizes.get(index) : undefined,
    })),
    consistent: solved.consistent,
  };
}

function collectFiles(versions: readonly TemplateVersion[]): LayerFile[] {
  const byName = new Map<string, LayerFile>();
  for (const version of versions) {
    for (const { file, kind } of filesOf(version)) {
      const known = byName.get(file);
      if (known) {
        known.usedBy.push(version.number);
      } else {
        const entry = { file, kind, usedBy: [version.number], introducedBy: version.number };
        byName.set(file, { ...entry, group: -1 });
      }
    }
  }
  return [...byName.values()];
}

/** Assigns each file its group (same tags, same group) and returns the groups' members. */
function groupFiles(files: LayerFile[]): string[][] {
  const bySignature = new Map<string, number>();
  const groups: string[][] = [];
  for (const file of files) {
    const signature = file.usedBy.join(',');
    let index = bySignature.get(signature);
    if (index === undefined) {
      index = groups.length;
      bySignature.set(signature, index);
      groups.push([]);
    }
    file.group = index;
    groups[index]?.push(file.file);
  }
  return groups;
}

interface Equation {
  /** Sorted group indexes whose sizes add up to `total`. */
  groups: number[];
  total: number;
}

function equationsOf(template: Template, files: readonly LayerFile[]): Equation[] {
  const groupOf = new Map(files.map((file) => [file.file, file.group]));
  const equations: Equation[] = [];
  for (const version of template.versions) {
    if (isSize(version.size)) {
      const groups = new Set(filesOf(version).map(({ file }) => groupOf.get(file) ?? -1));
      equations.push({ groups: [...groups].sort((a, b) => a - b), total: version.size });
    }
  }
  const allGroups = [...new Set(files.map((file) => file.group))].sort((a, b) => a - b);
  if (isSize(template.size) && allGroups.length > 0) {
    equations.push({ groups: allGroups, total: template.size });
  }
  return equations;
}

export function isSize(value: number | undefined): value is number {
  return value !== undefined && Number.isFinite(value) && value >= 0;
}

/** Bounds the work on templates with very many tags; sizes left unsolved stay unknown. */
const MAX_EQUATIONS = 4000;

/**
 * Solves what the sums determine: a sum over one group gives its size, and a sum whose groups
 * contain another sum's groups gives the difference. Contradicting sums stop everything.
 */
function solveGroupSizes(
  groupCount: number,
  initial: readonly Equation[],
): { sizes: Map<number, number>; consistent: boolean } {
  const sizes = new Map<number, number>();
  const known = new Map<string, Equation>();
  let queue: Equation[] = [...initial];
  while (queue.length > 0) {
    const next: Equation[] = [];
    for (const raw of queue) {
      const equation = reduce(raw, sizes);
      if (equation.total < 0) {
        return { sizes, consistent: false };
      }
      if (equation.groups.length === 0) {
        if (equation.total !== 0) {
          return { sizes, consistent: false };
        }
        continue;
      }
      const key = equation.groups.join(',');
      const existing = known.get(key);
      if (existing) {
        if (existing.total !== equation.total) {
          return { sizes, consistent: false };
        }
        continue;
      }
      if (known.size >= MAX_EQUATIONS) {
        continue;
      }
      known.set(key, equation);
      if (equation.groups.length === 1) {
        sizes.set(equation.groups[0] as number, equation.total);
        // Sums learned earlier may now reduce further.
        next.push(...known.values());
        continue;
      }
      for (const other of known.values()) {
        const difference = subtract(equation, other) ?? subtract(other, equation);
        if (difference) {
          next.push(difference);
        }
      }
    }
    queue = next;
    if (sizes.size === groupCount) {
      break;
    }
  }
  return { sizes, consistent: true };
}

function reduce(equation: Equation, sizes: ReadonlyMap<number, number>): Equation {
  let total = equation.total;
  const groups: number[] = [];
  for (const group of equation.groups) {
    const size = sizes.get(group);
    if (size === undefined) {
      groups.push(group);
    } else {
      total -= size;
    }
  }
  return { groups, total };
}

/** `outer - inner` when inner's groups are a proper subset of outer's. */
function subtract(outer: Equation, inner: Equation): Equation | undefined {
  if (inner.groups.length >= outer.groups.length) {
    return undefined;
  }
  const innerSet = new Set(inner.groups);
  const rest = outer.groups.filter((group) => !innerSet.has(group));
  if (rest.length !== outer.groups.length - inner.groups.length) {
    return undefined;
  }
  return { groups: rest, total: outer.total - inner.total };
}

/** Bytes of the given files together, when their groups are whole and of known size. */
export function sizeOfFiles(analysis: LayerAnalysis, names: readonly string[]): number | undefined {
  if (names.length === 0) {
    return 0;
  }
  const wanted = new Set(names);
  const groups = new Set<number>();
  for (const file of analysis.files) {
    if (wanted.has(file.file)) {
      groups.add(file.group);
    }
  }
  let total = 0;
  for (const index of groups) {
    const group = analysis.groups[index];
    if (!group || group.size === undefined || group.files.some((file) => !wanted.has(file))) {
      return undefined;
    }
    total += group.size;
  }
  return total;
}
