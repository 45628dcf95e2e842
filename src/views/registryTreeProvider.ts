import * as vscode from 'vscode';
import type { TreeNode } from '../tree/nodes';
import { withDeniedTokens } from '../tree/permissions';
import type { RegistryTreeModel } from '../tree/registryTreeModel';
import { TemplateListing } from '../tree/templateListing';
import { moreItem } from './listingItems';
import { ListingLayout } from './listingLayout';
import { templateTooltip } from './tooltips';
import { errorItem, messageItem, registryItem, tagItem, templateItem } from './treeItems';

/** Adapts the tree model to VS Code's TreeDataProvider. */
export class RegistryTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<TreeNode[] | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly subscription: { dispose(): void };
  private readonly layout: ListingLayout;

  constructor(
    readonly model: RegistryTreeModel,
    readonly listing = new TemplateListing(),
  ) {
    this.layout = new ListingLayout(model, listing, (nodes) => this.changeEmitter.fire(nodes));
    this.subscription = model.onDidChange((nodes) =>
      this.changeEmitter.fire(listing.withLayoutChanges(nodes)),
    );
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'registry': {
        this.model.ensureHealth(node);
        const expanded = this.model.getRegistries().length === 1;
        const item = registryItem(node, this.model.getState(node).health, expanded);
        return this.layout.decorateRegistry(node, item);
      }
      case 'template': {
        const item = templateItem(node, this.model.getLoadedTemplate(node), false);
        return withDeniedTokens(item, this.model.deniedPermissions(node.registry));
      }
      case 'tag':
        return withDeniedTokens(tagItem(node), this.model.deniedPermissions(node.registry));
      case 'error':
        return errorItem(node);
      case 'message':
        return messageItem(node);
      case 'more':
        return moreItem(node);
    }
  }

  /** Registry and template tooltips are built on hover: a big registry has thousands of rows. */
  async resolveTreeItem(item: vscode.TreeItem, node: TreeNode): Promise<vscode.TreeItem> {
    if (node.kind === 'registry') {
      item.tooltip = await this.layout.registryTooltip(node);
    } else if (node.kind === 'template') {
      item.tooltip = templateTooltip(node, this.model.getLoadedTemplate(node));
    }
    return item;
  }

  getChildren(node?: TreeNode): Promise<TreeNode[]> {
    return this.layout.children(node);
  }

  getParent(node: TreeNode): TreeNode | undefined {
    switch (node.kind) {
      case 'template':
        return node.registry;
      case 'tag':
        return this.model.findTemplateNode(node.registry, node.template.id);
      case 'error':
        return node.parent;
      case 'more':
        return node.parent;
      default:
        return undefined;
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.layout.dispose();
    this.changeEmitter.dispose();
  }
}
