// In-memory templates with the registry's semantics: linear version chains, shared files.
import type { SeedTemplate, SeedVersion, VmConfig } from './model';
import { cloneTemplates } from './seed';

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

export type RevertTarget =
  | { kind: 'latest' }
  | { kind: 'number'; number: number }
  | { kind: 'tag'; tag: string };

export type VersionSelector = { tag?: string; number?: number };

export const ARCHES = ['arm64', 'amd64'] as const;

function ok<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

function fail<T>(message: string): Outcome<T> {
  return { ok: false, message };
}

function versionFiles(version: SeedVersion): string[] {
  return [...version.images, ...(version.stateFiles ?? [])];
}

export class TemplateStore {
  private templates = new Map<string, SeedTemplate>();
  // Sizes sum files over long version chains (O(tags²) for 200 tags): kept, since a version's
  // files never change and a template only gains or loses versions.
  private readonly versionSizes = new WeakMap<SeedVersion, number>();
  private readonly templateSizes = new WeakMap<SeedTemplate, SizeMemo>();

  constructor(private readonly seed: readonly SeedTemplate[]) {
    this.reset();
  }

  reset(): void {
    this.templates = new Map(cloneTemplates(this.seed).map((t) => [t.id, t]));
    // Fails fast on a seed that names a file without giving its size.
    this.storedBytes();
  }

  /** Every template, ordered by id as the API page's v1 list is. */
  list(): SeedTemplate[] {
    return [...this.templates.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  find(id: string): SeedTemplate | undefined {
    return this.templates.get(id);
  }

  /** Stores a template that is not stored yet, as a push of a new template does. */
  add(template: SeedTemplate): void {
    this.templates.set(template.id, template);
  }

  snapshot(): SeedTemplate[] {
    return cloneTemplates(this.list());
  }

  delete(id: string): Outcome<null> {
    return this.templates.delete(id) ? ok(null) : fail(templateNotFound(id));
  }

  revert(id: string, target: RevertTarget): Outcome<null> {
    const template = this.templates.get(id);
    if (template === undefined) {
      return fail(templateNotFound(id));
    }
    const index = revertIndex(template, target);
    if (!index.ok) {
      return index;
    }
    if (index.value === 0) {
      this.templates.delete(id);
    } else {
      template.versions = template.versions.slice(0, index.value);
    }
    return ok(null);
  }

  setArch(id: string, arch: string): Outcome<null> {
    const template = this.templates.get(id);
    if (template === undefined) {
      return fail(templateNotFound(id));
    }
    if (!(ARCHES as readonly string[]).includes(arch)) {
      return fail(`invalid arch "${arch}": must be one of ${ARCHES.join(', ')}`);
    }
    template.arch = arch;
    return ok(null);
  }

  config(id: string, selector: VersionSelector): Outcome<VmConfig> {
    const template = this.templates.get(id);
    if (template === undefined) {
      return fail(templateNotFound(id));
    }
    const version = selectVersion(template, selector);
    return version.ok ? ok(structuredClone(version.value.config)) : version;
  }

  /** The sum of the version's own files, layers it shares with older versions included. */
  versionSize(template: SeedTemplate, version: SeedVersion): number {
    let size = this.versionSizes.get(version);
    if (size === undefined) {
      size = sumSizes(template, new Set(versionFiles(version)));
      this.versionSizes.set(version, size);
    }
    return size;
  }

  /** Every file stored for the template, counted once however many versions name it. */
  templateSize(template: SeedTemplate): number {
    const memo = this.templateSizes.get(template);
    if (memo?.versions === template.versions && memo.count === template.versions.length) {
      return memo.size;
    }
    const size = sumSizes(template, new Set(template.versions.flatMap(versionFiles)));
    const versions = template.versions;
    this.templateSizes.set(template, { versions, count: versions.length, size });
    return size;
  }

  storedBytes(): number {
    let total = 0;
    for (const template of this.templates.values()) {
      total += this.templateSize(template);
    }
    return total;
  }
}

interface SizeMemo {
  versions: SeedVersion[];
  count: number;
  size: number;
}

export function templateNotFound(id: string): string {
  return `template ${id} not found`;
}

function sumSizes(template: SeedTemplate, files: Set<string>): number {
  let total = 0;
  for (const file of files) {
    const size = template.fileSizes[file];
    if (size === undefined) {
      throw new Error(`seed of ${template.name} has no size for ${file}`);
    }
    total += size;
  }
  return total;
}

function selectVersion(template: SeedTemplate, selector: VersionSelector): Outcome<SeedVersion> {
  const versions = template.versions;
  let found: SeedVersion | undefined;
  if (selector.tag !== undefined) {
    found = versions.find((v) => v.tag === selector.tag);
    return found ? ok(found) : fail(`tag "${selector.tag}" not found in ${template.name}`);
  }
  if (selector.number !== undefined) {
    found = versions.find((v) => v.number === selector.number);
    return found ? ok(found) : fail(`version ${selector.number} not found in ${template.name}`);
  }
  found = versions[versions.length - 1];
  return found ? ok(found) : fail(`template ${template.name} has no versions`);
}

/** Position in `versions` from which everything is removed. */
function revertIndex(template: SeedTemplate, target: RevertTarget): Outcome<number> {
  if (target.kind === 'latest') {
    return ok(template.versions.length - 1);
  }
  const selector = target.kind === 'tag' ? { tag: target.tag } : { number: target.number };
  const version = selectVersion(template, selector);
  return version.ok ? ok(template.versions.indexOf(version.value)) : version;
}
