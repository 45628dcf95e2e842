import type { Template, TemplateVersion, VersionSelector } from '../registry/models';

/** Picking a tag of a template, and asking the registry for exactly that one. */

/** The tag name, or "(version N)" for a version pushed without one. */
export function tagLabel(version: Pick<TemplateVersion, 'tag' | 'number'>): string {
  return version.tag === '' ? `(version ${version.number})` : version.tag;
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
