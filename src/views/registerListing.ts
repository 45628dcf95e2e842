import * as vscode from 'vscode';
import {
  CONCURRENCY_SETTING, SORT_SETTING, sortTemplatesBy,
} from '../config/listSettings';
import { SECTION } from '../config/settings';
import type { RegistryTreeModel } from '../tree/registryTreeModel';
import type { TemplateListing } from '../tree/templateListing';
import { OverviewPanels } from '../webviews/overview/overviewPanels';
import { OVERVIEW_VIEW_TYPE } from '../webviews/overview/protocol';

export interface ListingServices {
  listing: TemplateListing;
  overviews: OverviewPanels;
}

/** The `ankaRegistry.filtered` context key: "Clear Filter" shows while a registry has one. */
const FILTERED_KEY = 'ankaRegistry.filtered';

/**
 * Wires the view's listing (filters, order, tag pages) to the settings and registers the Registry
 * Overview panels.
 */
export function registerListing(
  extensionUri: vscode.Uri,
  model: RegistryTreeModel,
  listing: TemplateListing,
  log: vscode.LogOutputChannel,
): { services: ListingServices; disposables: vscode.Disposable[] } {
  listing.setSort(sortTemplatesBy());
  const overviews = new OverviewPanels({ model, listing, log, extensionUri });
  const updateContext = (): void => {
    const filtered = model.getRegistries().some((registry) => listing.filterOf(registry));
    void vscode.commands.executeCommand('setContext', FILTERED_KEY, filtered);
  };
  const disposables: vscode.Disposable[] = [
    overviews,
    vscode.window.registerWebviewPanelSerializer(OVERVIEW_VIEW_TYPE, overviews),
    listing.onDidChange(updateContext),
    model.onDidChange((nodes) => nodes === undefined && updateContext()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${SECTION}.${SORT_SETTING}`)) {
        listing.setSort(sortTemplatesBy());
      }
      if (event.affectsConfiguration(`${SECTION}.${CONCURRENCY_SETTING}`)) {
        // New clients come with a pool of the new size.
        model.resetClients();
      }
    }),
  ];
  return { services: { listing, overviews }, disposables };
}
