import * as l10n from '@vscode/l10n';
import type { Template, TemplateVersion, VersionSelector } from '../registry';
import type { RegistryNode, TagNode } from '../tree/nodes';

/** One revert request and exactly what it removes, read from the registry just before asking. */
export interface RevertPlan {
  registry: RegistryNode;
  template: Template;
  /** Newest first: the target version and every newer one. */
  removed: TemplateVersion[];
  /** Versions left afterwards, oldest first; none means the template goes too. */
  kept: TemplateVersion[];
  /** What the request names: the target's tag, or its number when it has no tag. */
  selector: VersionSelector;
}

/** A template and the oldest version to remove from it ('newest': the newest alone). */
export interface RevertTarget {
  registry: RegistryNode;
  templateId: string;
  templateName: string;
  fromVersion: number | 'newest';
}

/**
 * The plan for reverting `fromVersion` of `template` (fresh from the registry), or a sentence
 * saying why there is nothing to revert. The request always names the target, also for the
 * newest: a tag pushed after the confirmation must not be the one removed instead.
 */
export function planRevert(
  registry: RegistryNode,
  template: Template,
  fromVersion: number | 'newest',
): RevertPlan | string {
  const versions = [...template.versions].sort((a, b) => a.number - b.number);
  const target = fromVersion === 'newest'
    ? versions[versions.length - 1]
    : versions.find((version) => version.number === fromVersion);
  if (!target) {
    return fromVersion === 'newest'
      ? l10n.t('template "{0}" has no tags', template.name)
      : l10n.t(
        'version {0} is no longer in template "{1}"; refresh the tree', fromVersion, template.name,
      );
  }
  return {
    registry,
    template,
    removed: versions.filter((version) => version.number >= target.number).reverse(),
    kept: versions.filter((version) => version.number < target.number),
    selector: target.tag !== '' ? { tag: target.tag } : { version: target.number },
  };
}

/**
 * Selected tags grouped per template: reverting the oldest selected tag of a template removes
 * the others with it, so one request per template does it.
 */
export function revertTargets(tags: readonly TagNode[]): RevertTarget[] {
  const byTemplate = new Map<string, RevertTarget>();
  for (const tag of tags) {
    const key = `${tag.registry.id}\u0000${tag.template.id}`;
    const known = byTemplate.get(key)?.fromVersion;
    if (typeof known !== 'number' || tag.version.number < known) {
      byTemplate.set(key, {
        registry: tag.registry,
        templateId: tag.template.id,
        templateName: tag.template.name,
        fromVersion: tag.version.number,
      });
    }
  }
  return [...byTemplate.values()];
}

/** A version as lists show it: `java17 (version 2)`. */
export function describeVersion(version: TemplateVersion): string {
  return version.tag === ''
    ? l10n.t('(no tag name) (version {0})', version.number)
    : l10n.t('{0} (version {1})', version.tag, version.number);
}

/** A version by its tag, or by its number when it has no tag: `java17`, `version 2`. */
export function versionName(version: TemplateVersion): string {
  return version.tag || l10n.t('version {0}', version.number);
}
