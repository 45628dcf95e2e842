import * as l10n from '@vscode/l10n';
import { describeError } from '../registry';
import type { RegistryNode, TagNode, TemplateNode, TreeNode } from '../tree/nodes';
import { asTreeNode } from './context';
import type { ManageContext } from './manageContext';
import { nodesOfKind, resolveSelection } from './selection';

/**
 * What a template command acts on: the rows it was run on, or, from the Command Palette, what
 * the user picks: registry, then template, then tag, as far as the command needs.
 */

export async function pickRegistryNode(
  context: ManageContext,
  title: string,
): Promise<RegistryNode | undefined> {
  const registries = context.model.getRegistries();
  if (registries.length === 0) {
    context.ui.info(
      l10n.t('No Anka Registry is configured yet: run "Anka Registry: Add Registry..." first.'),
    );
    return undefined;
  }
  if (registries.length === 1) {
    return registries[0];
  }
  const choices = registries.map((node) => ({
    label: node.entry.name,
    description: node.entry.url,
    value: node,
  }));
  return context.ui.pick(choices, title, l10n.t('Choose a registry'));
}

export async function pickTemplateNode(
  context: ManageContext,
  title: string,
  registry?: RegistryNode,
): Promise<TemplateNode | undefined> {
  const from = registry ?? (await pickRegistryNode(context, title));
  const loading = l10n.t({
    message: '{0}: loading templates…', args: [title], comment: '{0}: a command',
  });
  const children = from && (await loadChildren(context, from, loading));
  if (!from || !children) {
    return undefined;
  }
  const templates = nodesOfKind(children, 'template');
  if (templates.length === 0) {
    context.ui.info(l10n.t('Registry "{0}" has no templates.', from.entry.name));
    return undefined;
  }
  const choices = templates.map((node) => ({
    label: node.summary.name,
    description: node.summary.id,
    value: node,
  }));
  return context.ui.pick(choices, title, l10n.t('Choose a template of {0}', from.entry.name));
}

export async function pickTagNode(
  context: ManageContext,
  title: string,
  template?: TemplateNode,
): Promise<TagNode | undefined> {
  const from = template ?? (await pickTemplateNode(context, title));
  const loading = l10n.t({
    message: '{0}: loading tags…', args: [title], comment: '{0}: a command',
  });
  const children = from && (await loadChildren(context, from, loading));
  if (!from || !children) {
    return undefined;
  }
  const tags = nodesOfKind(children, 'tag');
  if (tags.length === 0) {
    context.ui.info(l10n.t('Template "{0}" has no tags.', from.summary.name));
    return undefined;
  }
  const placeHolder = l10n.t('Choose a tag of {0}', from.summary.name);
  return context.ui.pick(tags.map(tagChoice), title, placeHolder);
}

export function tagChoice(node: TagNode) {
  return {
    label: node.version.tag || l10n.t('(version {0})', node.version.number),
    description: node.isNewest
      ? l10n.t('#{0} · newest', node.version.number)
      : `#${node.version.number}`,
    detail: node.version.description || undefined,
    value: node,
  };
}

/** Children for a quick pick; a failed load becomes an error message with "Show Log". */
async function loadChildren(
  context: ManageContext,
  parent: RegistryNode | TemplateNode,
  progressTitle: string,
): Promise<TreeNode[] | undefined> {
  const children = await context.ui.progress('window', progressTitle, () =>
    context.model.getChildren(parent),
  );
  const failed = nodesOfKind(children, 'error')[0];
  if (failed) {
    context.log.error(describeError(failed.error));
    context.ui.error(describeError(failed.error));
    return undefined;
  }
  return children;
}

/**
 * Templates for a command run with `args` (clicked row, selected rows): the selected templates,
 * the clicked tag's template, or one picked from the clicked registry or the palette.
 */
export async function templateTargets(
  context: ManageContext,
  args: readonly unknown[],
  title: string,
): Promise<TemplateNode[]> {
  const selected = resolveSelection(args[0], args[1], context.selection());
  const templates = nodesOfKind(selected, 'template');
  if (templates.length > 0) {
    return templates;
  }
  const picked = await templateOfClicked(context, args[0], title);
  return picked ? [picked] : [];
}

/** One template for commands that make sense for one row only (the clicked one). */
export async function templateOfClicked(
  context: ManageContext,
  clicked: unknown,
  title: string,
): Promise<TemplateNode | undefined> {
  const node = asTreeNode(clicked);
  if (node?.kind === 'template') {
    return node;
  }
  if (node?.kind === 'tag') {
    const parent = context.model.findTemplateNode(node.registry, node.template.id);
    if (parent) {
      return parent;
    }
  }
  return pickTemplateNode(context, title, node?.kind === 'registry' ? node : undefined);
}

/** Tags for a command run with `args`: the selected tags, or one picked from the palette. */
export async function tagTargets(
  context: ManageContext,
  args: readonly unknown[],
  title: string,
): Promise<TagNode[]> {
  const selected = resolveSelection(args[0], args[1], context.selection());
  const tags = nodesOfKind(selected, 'tag');
  if (tags.length > 0) {
    return tags;
  }
  const picked = await tagOfClicked(context, args[0], title);
  return picked ? [picked] : [];
}

/** One tag: the clicked one, or one picked under the clicked template or registry. */
export async function tagOfClicked(
  context: ManageContext,
  clicked: unknown,
  title: string,
): Promise<TagNode | undefined> {
  const node = asTreeNode(clicked);
  if (node?.kind === 'tag') {
    return node;
  }
  if (node?.kind === 'template') {
    return pickTagNode(context, title, node);
  }
  if (node?.kind === 'registry') {
    const template = await pickTemplateNode(context, title, node);
    return template && pickTagNode(context, title, template);
  }
  return pickTagNode(context, title);
}
