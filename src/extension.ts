import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { RegistryConnections } from './config/connections';
import { maxConcurrentRequests } from './config/listSettings';
import { PROXY_SETTINGS } from './config/proxySettings';
import { RegistrySecretStore } from './config/secrets';
import { readRegistries, SECTION } from './config/settings';
import { setDisplayLanguage } from './format';
import type { TreeNode } from './tree/nodes';
import { RegistryTreeModel } from './tree/registryTreeModel';
import { registerListing } from './views/registerListing';
import { RegistryTreeProvider } from './views/registryTreeProvider';
import { DefaultRegistryStatusBar } from './views/statusBar';
import { registerDetails, type DetailsServices } from './webviews/details/register';
import type { OverviewPanels } from './webviews/overview/overviewPanels';

/** What activation returns; the extension-host tests read the tree through it. */
export interface AnkaRegistryApi {
  model: RegistryTreeModel;
  provider: RegistryTreeProvider;
  details: DetailsServices;
  /** The registries' secrets, for tests that sign in without typing. */
  secrets: RegistrySecretStore;
  /** The folder of the "Anka Registry" log file, for tests that read what was logged. */
  logFolder: vscode.Uri;
  /** The Registry Overview panels. */
  overviews: OverviewPanels;
}

export function activate(context: vscode.ExtensionContext): AnkaRegistryApi {
  // The layers without `vscode` (client, tree model, CLI) translate through @vscode/l10n.
  if (vscode.l10n.bundle) {
    l10n.config({ contents: vscode.l10n.bundle });
  }
  setDisplayLanguage(vscode.env.language);
  const log = vscode.window.createOutputChannel('Anka Registry', { log: true });
  const secrets = new RegistrySecretStore(context.secrets);
  const connections = new RegistryConnections(log, secrets);
  const model = new RegistryTreeModel({
    createClient: (entry) => connections.createClient(entry),
    get concurrency() {
      return maxConcurrentRequests();
    },
  });
  const provider = new RegistryTreeProvider(model);
  const treeView = vscode.window.createTreeView<TreeNode>('ankaRegistry.registries', {
    treeDataProvider: provider,
    showCollapseAll: true,
    canSelectMany: true,
  });

  const loadSettings = (): void => {
    const { entries, problems } = readRegistries();
    problems.forEach((problem) => log.warn(`Settings: ${problem}`));
    model.setRegistries(entries);
  };
  loadSettings();
  const details = registerDetails(context.extensionUri, model, log);
  const listing = registerListing(context.extensionUri, model, provider.listing, log);
  const statusBar = new DefaultRegistryStatusBar(model);

  context.subscriptions.push(
    log,
    secrets,
    connections,
    treeView,
    provider,
    statusBar,
    { dispose: () => model.dispose() },
    ...details.disposables,
    ...listing.disposables,
    ...registerCommands({
      model, log, treeView, details: details.services, connections, secrets, ...listing.services,
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      const proxyChanged = PROXY_SETTINGS.some((setting) => event.affectsConfiguration(setting));
      if (event.affectsConfiguration(`${SECTION}.requestTimeout`) || proxyChanged) {
        model.resetClients();
      }
      if (event.affectsConfiguration(`${SECTION}.registries`)) {
        loadSettings();
      }
    }),
  );
  log.info(`Anka Registry Explorer activated with ${model.getRegistries().length} registries`);
  return {
    model,
    provider,
    details: details.services,
    secrets,
    logFolder: context.logUri,
    overviews: listing.services.overviews,
  };
}

export function deactivate(): void {
  // Everything is disposed through the extension context's subscriptions.
}
