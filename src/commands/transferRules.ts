import * as l10n from '@vscode/l10n';
import type { DownloadSize, LocalVm } from '../cli';
import type { TemplateSummary } from '../registry';

/** The decisions behind push and pull, without VS Code, so they are unit-tested. */

/** Letters, digits and `.`, `_`, `+`, `-`, not starting with `-` (the CLI would read an option). */
const TAG_PATTERN = /^[A-Za-z0-9._+][A-Za-z0-9._+-]*$/;
const TAG_LIMIT = 128;
const DESCRIPTION_LIMIT = 500;

export function validateTag(value: string, existingTags: readonly string[]): string | undefined {
  const tag = value.trim();
  if (tag === '') {
    return l10n.t('A tag is required, for example "xcode-16.2" or "2026.12.04".');
  }
  if (tag.length > TAG_LIMIT) {
    return l10n.t('A tag has at most {0} characters.', TAG_LIMIT);
  }
  if (!TAG_PATTERN.test(tag)) {
    return l10n.t('Use letters, digits, ".", "_", "+" and "-" (not at the start); no spaces.');
  }
  if (existingTags.includes(tag)) {
    return l10n.t('The tag "{0}" already exists on this template; choose another.', tag);
  }
  return undefined;
}

export function validateDescription(value: string): string | undefined {
  if (/[\r\n]/.test(value)) {
    return l10n.t('The description is one line.');
  }
  if (value.trim().startsWith('-')) {
    return l10n.t('The description cannot start with "-".');
  }
  return value.length > DESCRIPTION_LIMIT
    ? l10n.t('The description has at most {0} characters.', DESCRIPTION_LIMIT)
    : undefined;
}

export type SpaceVerdict =
  | { kind: 'unknown' }
  | { kind: 'alreadyLocal' }
  | { kind: 'fits'; needed: number; free: number | undefined }
  | { kind: 'tooBig'; needed: number; free: number };

/** Compares what a pull downloads with the free space (the CLI's figure, else this machine's). */
export function spaceVerdict(
  size: DownloadSize | undefined,
  freeOnDisk: number | undefined,
): SpaceVerdict {
  if (size === undefined) {
    return { kind: 'unknown' };
  }
  if (size.alreadyLocal) {
    return { kind: 'alreadyLocal' };
  }
  const needed = Math.max(0, size.size - size.cached);
  if (needed === 0) {
    return { kind: 'alreadyLocal' };
  }
  const free = size.available ?? freeOnDisk;
  return free !== undefined && needed > free
    ? { kind: 'tooBig', needed, free }
    : { kind: 'fits', needed, free };
}

/** Where a VM goes when pushed without `-v`: the registry matches templates by id (uuid). */
export type OwnTarget =
  | { kind: 'newTemplate'; name: string }
  | { kind: 'ownTemplate'; template: TemplateSummary }
  /** A template of the VM's name exists with another id: a push without -v is refused. */
  | { kind: 'nameTaken'; template: TemplateSummary };

export function ownTarget(vm: LocalVm, templates: readonly TemplateSummary[]): OwnTarget {
  const own = vm.uuid === undefined ? undefined : templates.find((t) => t.id === vm.uuid);
  if (own) {
    return { kind: 'ownTemplate', template: own };
  }
  const sameName = templates.find((t) => t.name === vm.name);
  return sameName
    ? { kind: 'nameTaken', template: sameName }
    : { kind: 'newTemplate', name: vm.name };
}

/** A name for a copy of the VM that neither the registry nor this Mac uses yet. */
export function validateNewName(
  value: string,
  templates: readonly TemplateSummary[],
  vms: readonly LocalVm[],
): string | undefined {
  const name = value.trim();
  if (name === '' || name.startsWith('-') || /[/\\\r\n]/.test(name)) {
    return l10n.t('Enter a name without "/" that does not start with "-".');
  }
  if (templates.some((t) => t.name === name)) {
    return l10n.t('The registry already has a template named "{0}".', name);
  }
  const onThisMac = vms.some((vm) => vm.name === name);
  return onThisMac ? l10n.t('A VM named "{0}" exists on this Mac.', name) : undefined;
}
