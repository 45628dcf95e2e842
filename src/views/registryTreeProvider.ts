import * as vscode from 'vscode';
import type { TreeNode } from '../tree/nodes';
import type { RegistryTreeModel } from '../tree/registryTreeModel';
import { errorItem, messageItem, registryItem, tagItem, templateItem } from './treeItems';

/** Adapts the tree model to VS Code's TreeDataProvider. */
export class RegistryTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<TreeNode[] | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly subscription: { dispose(): void };

  constructor(readonly model: RegistryTreeModel) {
    this.subscription = model.onDidChange((nodes) => this.changeEmitter.fire(nodes));
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'registry': {
        this.model.ensureHealth(node);
        const expanded = this.model.getRegistries().length === 1;
        return registryItem(node, this.model.getState(node).health, expanded);
      }
      case 'template':
        return templateItem(node, this.model.getLoadedTemplate(node));
      case 'tag':
        return tagItem(node);
      case 'error':
        return errorItem(node);
      case 'message':
        return messageItem(node);
    }
  }

  getChildren(node?: TreeNode): Promise<TreeNode[]> {
    return this.model.getChildren(node);
  }

  getParent(node: TreeNode): TreeNode | undefined {
    switch (node.kind) {
      case 'template':
        return node.registry;
      case 'tag':
        return this.model.findTemplateNode(node.registry, node.template.id);
      case 'error':
        return node.parent;
      default:
        return undefined;
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }
}
