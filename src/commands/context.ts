import type * as vscode from 'vscode';
import type { TreeNode } from '../tree/nodes';
import type { RegistryTreeModel } from '../tree/registryTreeModel';

/** What every command needs from the extension, handed over at activation. */
export interface CommandContext {
  model: RegistryTreeModel;
  log: vscode.LogOutputChannel;
  treeView: vscode.TreeView<TreeNode>;
}

const NODE_KINDS = new Set(['registry', 'template', 'tag', 'error', 'message']);

/** Commands get a tree node from menus and anything (or nothing) from the palette or a keybinding. */
export function asTreeNode(value: unknown): TreeNode | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const kind = (value as { kind?: unknown }).kind;
  return typeof kind === 'string' && NODE_KINDS.has(kind) ? (value as TreeNode) : undefined;
}
