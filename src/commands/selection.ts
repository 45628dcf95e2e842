import type { TreeNode } from '../tree/nodes';
import { asTreeNode } from './context';

/**
 * The nodes a command run from a row acts on. VS Code passes the clicked row and, when several
 * rows are selected and the clicked one is among them, the whole selection. A command acts on
 * the selection that contains the clicked row, or on the clicked row alone. From the palette
 * (no row) the answer is empty and the command asks instead.
 */
export function resolveSelection(
  clicked: unknown,
  selected: unknown,
  viewSelection: readonly TreeNode[] = [],
): TreeNode[] {
  const node = asTreeNode(clicked);
  if (!node) {
    return [];
  }
  const given = Array.isArray(selected)
    ? selected.map(asTreeNode).filter((item): item is TreeNode => item !== undefined)
    : [...viewSelection];
  return given.some((item) => item.id === node.id) ? unique(given) : [node];
}

/** The nodes of the wanted kinds, in the order given. */
export function nodesOfKind<K extends TreeNode['kind']>(
  nodes: readonly TreeNode[],
  ...kinds: K[]
): Array<Extract<TreeNode, { kind: K }>> {
  return nodes.filter((node): node is Extract<TreeNode, { kind: K }> =>
    (kinds as string[]).includes(node.kind),
  );
}

function unique(nodes: readonly TreeNode[]): TreeNode[] {
  return [...new Map(nodes.map((node) => [node.id, node])).values()];
}
