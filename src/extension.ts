import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { readRegistries, requestTimeoutMs, SECTION } from './config/settings';
import { RegistryClient } from './registry';
import type { TreeNode } from './tree/nodes';
import { RegistryTreeModel } from './tree/registryTreeModel';
import { RegistryTreeProvider } from './views/registryTreeProvider';

/** What activation returns; the extension-host tests read the tree through it. */
export interface AnkaRegistryApi {
  model: RegistryTreeModel;
  provider: RegistryTreeProvider;
}

export function activate(context: vscode.ExtensionContext): AnkaRegistryApi {
  const log = vscode.window.createOutputChannel('Anka Registry', { log: true });
  const model = new RegistryTreeModel({
    createClient: (entry) =>
      new RegistryClient({ name: entry.name, url: entry.url, timeoutMs: requestTimeoutMs(), logger: log }),
  });
  const provider = new RegistryTreeProvider(model);
  const treeView = vscode.window.createTreeView<TreeNode>('ankaRegistry.registries', {
    treeDataProvider: provider,
    showCollapseAll: true,
  });

  const loadSettings = (): void => {
    const { entries, problems } = readRegistries();
    problems.forEach((problem) => log.warn(`Settings: ${problem}`));
    model.setRegistries(entries);
  };
  loadSettings();

  context.subscriptions.push(
    log,
    treeView,
    provider,
    { dispose: () => model.dispose() },
    ...registerCommands({ model, log, treeView }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${SECTION}.requestTimeout`)) {
        model.resetClients();
      }
      if (event.affectsConfiguration(`${SECTION}.registries`)) {
        loadSettings();
      }
    }),
  );
  log.info(`Anka Registry Explorer activated with ${model.getRegistries().length} registries`);
  return { model, provider };
}

export function deactivate(): void {
  // Everything is disposed through the extension context's subscriptions.
}
