import { formatBytes, pluralize } from '../format';
import type { Template } from '../registry';
import type { RegistryNode } from '../tree/nodes';
import type { Confirmation } from './manageContext';
import { describeVersion, type RevertPlan } from './revertPlan';

/** The texts of the modal confirmations: they list exactly what will be removed, and where. */

const NO_UNDO = 'This cannot be undone.';

function registryLine(registry: RegistryNode): string {
  return `Registry: ${registry.entry.name} (${registry.entry.url})`;
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
    ? 'Reverting a tag removes it and every newer tag. '
    : '';
  return {
    message: revertMessage(plans, tags),
    detail: `${listed}\n\n${chain}${NO_UNDO}`,
    button: `Revert ${pluralize(tags, 'Tag')}${removeSuffix(gone, plans.length)}`,
  };
}

function revertMessage(plans: readonly RevertPlan[], tags: number): string {
  const [plan] = plans;
  if (plans.length > 1 || !plan) {
    return `Revert ${pluralize(tags, 'tag')} in ${pluralize(plans.length, 'template')}?`;
  }
  const name = plan.template.name;
  if (plan.kept.length === 0) {
    return `Revert every tag of template "${name}"? The template will be removed.`;
  }
  const [only] = plan.removed;
  return tags === 1 && only
    ? `Revert tag "${only.tag || `version ${only.number}`}" of template "${name}"?`
    : `Revert ${tags} tags of template "${name}"?`;
}

/** One template: registry and template on their own lines, then the tags. */
function revertDetail(plan: RevertPlan): string {
  return [
    registryLine(plan.registry),
    `Template: ${plan.template.name}`,
    '',
    `${plan.removed.length === 1 ? 'Tag' : 'Tags'} to remove:`,
    ...plan.removed.map((version) => `  • ${describeVersion(version)}`),
    keptLine(plan),
  ].join('\n');
}

/** One of several templates, under its registry's line. */
function revertSection(plan: RevertPlan): string[] {
  return [
    `Template "${plan.template.name}":`,
    ...plan.removed.map((version) => `  • ${describeVersion(version)}`),
    `  ${keptLine(plan)}`,
  ];
}

function keptLine(plan: RevertPlan): string {
  if (plan.kept.length === 0) {
    return 'No tag is left, so the template itself is removed as well.';
  }
  const kept = plan.kept.map(describeVersion).reverse().join(', ');
  return `The template keeps ${pluralize(plan.kept.length, 'tag')}: ${kept}.`;
}

function removeSuffix(gone: number, templates: number): string {
  if (gone === 0) {
    return '';
  }
  return templates === 1 ? ' and Remove Template' : ` and Remove ${pluralize(gone, 'Template')}`;
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
      `Template: ${template.name} (${template.id})`,
      `Contents: ${contentsOf(only)}`,
      '',
      `The template and every one of its tags are deleted. ${NO_UNDO}`,
    ];
    return {
      message: `Delete template "${template.name}" from registry "${registry.entry.name}"?`,
      detail: detail.join('\n'),
      button: 'Delete Template',
    };
  }
  const listed = byRegistry(items, (group) =>
    group.map((item) => `  • ${item.template.name}: ${contentsOf(item)}`),
  );
  return {
    message: `Delete ${items.length} templates?`,
    detail: `These templates and every one of their tags are deleted.\n\n${listed}` +
      `\n\n${NO_UNDO}`,
    button: `Delete ${items.length} Templates`,
  };
}

function contentsOf(item: DeleteItem): string {
  return item.unreadable === undefined
    ? describeContents(item.template)
    : `its tags could not be read (${item.unreadable}); ` +
      `${formatBytes(item.template.size)} stored according to the registry's list`;
}

/** `3 tags (java17, ssh, suspended), 26.3 GiB stored`. */
export function describeContents(template: Template): string {
  const names = [...template.versions]
    .sort((a, b) => b.number - a.number)
    .map((version) => version.tag || `version ${version.number}`);
  const tags = names.length === 0
    ? 'no tags'
    : `${pluralize(names.length, 'tag')} (${names.join(', ')})`;
  return `${tags}, ${formatBytes(template.size)} stored`;
}
