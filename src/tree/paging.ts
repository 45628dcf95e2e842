import type { MoreNode, RegistryNode, TagNode, TemplateNode, TreeNode } from './nodes';

/** Tags shown before "Show all N tags": a template with hundreds of versions stays readable. */
export const TAG_PAGE_SIZE = 50;
/**
 * Templates shown before "Show all N templates": VS Code builds and sends every row it is given,
 * so a registry of 10,000 would take seconds to open; the filter finds any template.
 */
export const TEMPLATE_PAGE_SIZE = 1_000;

/** The newest tags first. */
export function newestFirst(tags: readonly TagNode[]): TagNode[] {
  return [...tags].sort((a, b) => b.version.number - a.version.number);
}

/**
 * The first `pageSize` rows, followed by a "Show all N" node when some are left out; all of them
 * once the user asked for all.
 */
export function page<T extends TreeNode>(
  parent: RegistryNode | TemplateNode,
  rows: readonly T[],
  showAll: boolean,
  pageSize: number,
): Array<T | MoreNode> {
  if (showAll || rows.length <= pageSize) {
    return [...rows];
  }
  const more: MoreNode = {
    kind: 'more',
    id: `${parent.id}/more`,
    parent,
    shown: pageSize,
    total: rows.length,
  };
  return [...rows.slice(0, pageSize), more];
}

/**
 * A template's children for the view: its newest tags, then "Show all N tags" when some are left
 * out. Anything that is not a tag (an error, "no tags") passes unchanged.
 */
export function pageTagChildren(
  template: TemplateNode,
  children: readonly TreeNode[],
  showAll: boolean,
  pageSize = TAG_PAGE_SIZE,
): TreeNode[] {
  if (!children.every((node): node is TagNode => node.kind === 'tag')) {
    return [...children];
  }
  return page(template, newestFirst(children), showAll, pageSize);
}
