import type * as vscode from 'vscode';
import type { RegistryConnections } from '../config/connections';
import type { RegistrySecretStore } from '../config/secrets';
import type { TreeNode } from '../tree/nodes';
import type { RegistryTreeModel } from '../tree/registryTreeModel';
import type { TemplateListing } from '../tree/templateListing';
import type { DetailsServices } from '../webviews/details/register';
import type { OverviewPanels } from '../webviews/overview/overviewPanels';

/** What every command needs from the extension, handed over at activation. */
export interface CommandContext {
  model: RegistryTreeModel;
  log: vscode.LogOutputChannel;
  treeView: vscode.TreeView<TreeNode>;
  /** The template details panels and the VM config documents. */
  details: DetailsServices;
  /** Clients with each registry's TLS, proxy and credentials. */
  connections: RegistryConnections;
  /** Root tokens, API private keys and key passphrases, in SecretStorage. */
  secrets: RegistrySecretStore;
  /** Each registry's filter, the template order and the tag pages of the view. */
  listing: TemplateListing;
  /** The Registry Overview panels, one per registry. */
  overviews: OverviewPanels;
}

const NODE_KINDS = new Set(['registry', 'template', 'tag', 'error', 'message', 'more']);

/**
 * Commands get a tree node from menus, and anything (or nothing) from the palette or a keybinding.
 */
export function asTreeNode(value: unknown): TreeNode | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const kind = (value as { kind?: unknown }).kind;
  return typeof kind === 'string' && NODE_KINDS.has(kind) ? (value as TreeNode) : undefined;
}
