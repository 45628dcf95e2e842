import { asTreeNode, type CommandContext } from './context';

/** Reloads one node (from its row) or the whole tree (from the view title or the palette). */
export function refresh(context: CommandContext, arg?: unknown): void {
  const node = asTreeNode(arg);
  context.log.debug(node ? `Refreshing ${node.id}` : 'Refreshing all registries');
  context.model.refresh(node);
}
