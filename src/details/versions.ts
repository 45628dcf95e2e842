import * as l10n from '@vscode/l10n';
import type { Template, TemplateVersion, VersionSelector } from '../registry/models';

/** Picking a tag of a template, and asking the registry for exactly that one. */

/** The tag name, or "(version N)" for a version pushed without one. */
export function tagLabel(version: Pick<TemplateVersion, 'tag' | 'number'>): string {
  if (version.tag !== '') {
    return version.tag;
  }
  return l10n.t({
    message: '(version {0})',
    args: [version.number],
    comment: ['Stands for the name of a tag pushed without one; {0} is its version number'],
  });
}

/** By tag name when it names one version only; by number when it is empty or ambiguous. */
export function selectorFor(template: Template, version: TemplateVersion): VersionSelector {
  const sameTag = template.versions.filter((other) => other.tag === version.tag);
  return version.tag !== '' && sameTag.length === 1
    ? { tag: version.tag }
    : { version: version.number };
}

export function newestVersion(template: Template): TemplateVersion | undefined {
  return template.versions.reduce<TemplateVersion | undefined>(
    (newest, version) =>
      newest === undefined || version.number > newest.number ? version : newest,
    undefined,
  );
}

export function findVersion(
  template: Template,
  number: number | undefined,
): TemplateVersion | undefined {
  return number === undefined ? undefined : template.versions.find((v) => v.number === number);
}

/** The version just before this one, by number. */
export function previousVersion(
  template: Template,
  version: TemplateVersion,
): TemplateVersion | undefined {
  return template.versions
    .filter((other) => other.number < version.number)
    .reduce<TemplateVersion | undefined>(
      (best, other) => (best === undefined || other.number > best.number ? other : best),
      undefined,
    );
}
