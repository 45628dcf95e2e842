import * as vscode from 'vscode';
import { ConfigStore } from '../../details/configStore';
import type { TreeNode } from '../../tree/nodes';
import type { RegistryTreeModel } from '../../tree/registryTreeModel';
import { CONFIG_SCHEME, ConfigDocumentProvider, ConfigDocuments } from '../../views/configDocument';
import { DetailsPanels } from './detailsPanels';
import { DETAILS_VIEW_TYPE } from './protocol';

/** What the details commands use: the panels, the config cache and the config documents. */
export interface DetailsServices {
  panels: DetailsPanels;
  configs: ConfigStore;
  documents: ConfigDocuments;
}

/** Creates the details services and registers the panel serializer and the document scheme. */
export function registerDetails(
  extensionUri: vscode.Uri,
  model: RegistryTreeModel,
  log: vscode.LogOutputChannel,
): { services: DetailsServices; disposables: vscode.Disposable[] } {
  const configs = new ConfigStore(model);
  const provider = new ConfigDocumentProvider(configs, log);
  const documents = new ConfigDocuments(configs, log);
  const panels = new DetailsPanels({ model, log, configs, documents, extensionUri });
  const disposables: vscode.Disposable[] = [
    provider,
    panels,
    vscode.workspace.registerTextDocumentContentProvider(CONFIG_SCHEME, provider),
    vscode.window.registerWebviewPanelSerializer(DETAILS_VIEW_TYPE, panels),
    model.onDidChange((nodes) => forgetRefreshedConfigs(model, configs, nodes)),
  ];
  return { services: { panels, configs, documents }, disposables };
}

/** A refresh in the tree also re-reads the configs of what it refreshed. */
function forgetRefreshedConfigs(
  model: RegistryTreeModel,
  configs: ConfigStore,
  nodes: TreeNode[] | undefined,
): void {
  if (nodes === undefined) {
    configs.invalidate();
    return;
  }
  for (const node of nodes) {
    if (node.kind === 'registry') {
      const health = model.getState(node).health.state;
      if (health === 'unknown' || health === 'loading') {
        configs.invalidate(node.entry.url);
      }
    } else if (node.kind === 'template' && model.getLoadedTemplate(node) === undefined) {
      configs.invalidate(node.registry.entry.url, node.summary.id);
    }
  }
}
