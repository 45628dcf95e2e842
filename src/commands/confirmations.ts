import * as l10n from '@vscode/l10n';
import { formatBytes } from '../format';
import type { Template } from '../registry';
import type { RegistryNode } from '../tree/nodes';
import { tagCount, templateCount } from './counts';
import type { Confirmation } from './manageContext';
import { describeVersion, versionName, type RevertPlan } from './revertPlan';

/** The texts of the modal confirmations: they list exactly what will be removed, and where. */

function noUndo(): string {
  return l10n.t('This cannot be undone.');
}

function registryLine(registry: RegistryNode): string {
  return l10n.t('Registry: {0} ({1})', registry.entry.name, registry.entry.url);
}

/** Items grouped by registry, in the order given: each group under one registry line. */
function byRegistry<T extends { registry: RegistryNode }>(
  items: readonly T[],
  describe: (items: T[]) => string[],
): string {
  const groups = new Map<RegistryNode, T[]>();
  for (const item of items) {
    groups.set(item.registry, [...(groups.get(item.registry) ?? []), item]);
  }
  return [...groups]
    .map(([registry, group]) => [registryLine(registry), ...describe(group)].join('\n'))
    .join('\n\n');
}

export function revertConfirmation(plans: readonly RevertPlan[]): Confirmation {
  const tags = plans.reduce((sum, plan) => sum + plan.removed.length, 0);
  const gone = plans.filter((plan) => plan.kept.length === 0).length;
  const [only] = plans;
  const listed = plans.length === 1 && only
    ? revertDetail(only)
    : byRegistry(plans, (group) => group.flatMap(revertSection));
  const chain = plans.some((plan) => plan.removed.length > 1)
    ? `${l10n.t('Reverting a tag removes it and every newer tag.')} `
    : '';
  return {
    message: revertMessage(plans, tags),
    detail: `${listed}\n\n${chain}${noUndo()}`,
    button: revertButton(tags, gone, plans.length),
  };
}

function revertMessage(plans: readonly RevertPlan[], tags: number): string {
  const [plan] = plans;
  if (plans.length > 1 || !plan) {
    return l10n.t({
      message: 'Revert {0} in {1}?',
      args: [tagCount(tags), templateCount(plans.length)],
      comment: '{0} is "3 tags", {1} is "2 templates"',
    });
  }
  const name = plan.template.name;
  if (plan.kept.length === 0) {
    return l10n.t('Revert every tag of template "{0}"? The template will be removed.', name);
  }
  const [only] = plan.removed;
  return tags === 1 && only
    ? l10n.t('Revert tag "{0}" of template "{1}"?', versionName(only), name)
    : l10n.t('Revert {0} tags of template "{1}"?', tags, name);
}

/** The button names what goes: the tags, and the templates left without any. */
function revertButton(tags: number, gone: number, templates: number): string {
  if (gone === 0) {
    return tags === 1 ? l10n.t('Revert 1 Tag') : l10n.t('Revert {0} Tags', tags);
  }
  if (templates === 1) {
    return tags === 1
      ? l10n.t('Revert 1 Tag and Remove Template')
      : l10n.t('Revert {0} Tags and Remove Template', tags);
  }
  return gone === 1
    ? l10n.t('Revert {0} Tags and Remove 1 Template', tags)
    : l10n.t('Revert {0} Tags and Remove {1} Templates', tags, gone);
}

/** One template: registry and template on their own lines, then the tags. */
function revertDetail(plan: RevertPlan): string {
  return [
    registryLine(plan.registry),
    l10n.t('Template: {0}', plan.template.name),
    '',
    plan.removed.length === 1 ? l10n.t('Tag to remove:') : l10n.t('Tags to remove:'),
    ...plan.removed.map((version) => `  • ${describeVersion(version)}`),
    keptLine(plan),
  ].join('\n');
}

/** One of several templates, under its registry's line. */
function revertSection(plan: RevertPlan): string[] {
  return [
    l10n.t('Template "{0}":', plan.template.name),
    ...plan.removed.map((version) => `  • ${describeVersion(version)}`),
    `  ${keptLine(plan)}`,
  ];
}

function keptLine(plan: RevertPlan): string {
  if (plan.kept.length === 0) {
    return l10n.t('No tag is left, so the template itself is removed as well.');
  }
  const kept = plan.kept.map(describeVersion).reverse().join(', ');
  return plan.kept.length === 1
    ? l10n.t('The template keeps 1 tag: {0}.', kept)
    : l10n.t('The template keeps {0} tags: {1}.', plan.kept.length, kept);
}

/** A template to delete, as read from the registry just before asking. */
export interface DeleteItem {
  registry: RegistryNode;
  template: Template;
  /** Why the template's details could not be read; then only the list's figures are known. */
  unreadable?: string;
}

export function deleteConfirmation(items: readonly DeleteItem[]): Confirmation {
  const [only] = items;
  if (items.length === 1 && only) {
    const { registry, template } = only;
    const detail = [
      registryLine(registry),
      l10n.t('Template: {0} ({1})', template.name, template.id),
      l10n.t('Contents: {0}', contentsOf(only)),
      '',
      `${l10n.t('The template and every one of its tags are deleted.')} ${noUndo()}`,
    ];
    return {
      message: l10n.t(
        'Delete template "{0}" from registry "{1}"?', template.name, registry.entry.name,
      ),
      detail: detail.join('\n'),
      button: l10n.t('Delete Template'),
    };
  }
  const listed = byRegistry(items, (group) =>
    group.map((item) => `  • ${l10n.t('{0}: {1}', item.template.name, contentsOf(item))}`),
  );
  const deleted = l10n.t('These templates and every one of their tags are deleted.');
  return {
    message: l10n.t('Delete {0} templates?', items.length),
    detail: `${deleted}\n\n${listed}\n\n${noUndo()}`,
    button: l10n.t('Delete {0} Templates', items.length),
  };
}

function contentsOf(item: DeleteItem): string {
  return item.unreadable === undefined
    ? describeContents(item.template)
    : l10n.t(
      'its tags could not be read ({0}); {1} stored according to the registry\'s list',
      item.unreadable,
      formatBytes(item.template.size),
    );
}

/** `3 tags (java17, ssh, suspended), 26.3 GiB stored`. */
export function describeContents(template: Template): string {
  const names = [...template.versions]
    .sort((a, b) => b.number - a.number)
    .map(versionName);
  const size = formatBytes(template.size);
  if (names.length === 0) {
    return l10n.t('no tags, {0} stored', size);
  }
  return l10n.t({
    message: '{0} ({1}), {2} stored',
    args: [tagCount(names.length), names.join(', '), size],
    comment: '{0} is "3 tags", {1} the tag names, {2} a size such as "26.3 GiB"',
  });
}
