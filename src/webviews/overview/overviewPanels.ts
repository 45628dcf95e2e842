import * as vscode from 'vscode';
import type { RegistryNode } from '../../tree/nodes';
import { OpenPanels } from '../openPanels';
import { openPanel } from '../webviewSetup';
import {
  OverviewPanel, overviewKey, type CachedOverview, type OverviewDeps, type OverviewSnapshot,
} from './overviewPanel';
import { OVERVIEW_VIEW_TYPE, parsePersistedOverview } from './protocol';

/**
 * The Registry Overview panels, one per registry, and the figures computed so far: reopening a
 * panel shows them with their age instead of reading every template again.
 */
export class OverviewPanels implements vscode.WebviewPanelSerializer, vscode.Disposable {
  private readonly panels = new OpenPanels<OverviewPanel>();
  private readonly cache = new Map<string, CachedOverview>();
  private readonly deps: OverviewDeps;

  constructor(deps: Omit<OverviewDeps, 'cache'>) {
    this.deps = { ...deps, cache: this.cache };
  }

  /** Opens (or brings back) the registry's panel; computes the figures unless cached. */
  show(registry: RegistryNode): OverviewPanel {
    const key = overviewKey(registry.entry);
    const open = this.panels.get(key);
    if (open) {
      open.reveal();
      return open;
    }
    const title = vscode.l10n.t('Overview: {0}', registry.entry.name);
    const panel = openPanel(OVERVIEW_VIEW_TYPE, title, this.deps.extensionUri);
    const overview = this.track(new OverviewPanel(panel, this.deps, registry.entry));
    if (!this.cache.has(key)) {
      void overview.compute(false);
    }
    return overview;
  }

  /** The panel of a registry, for tests. */
  snapshot(registry: RegistryNode): OverviewSnapshot | undefined {
    return this.panels.get(overviewKey(registry.entry))?.snapshot();
  }

  /** Brings a panel back after a window reload; it computes when asked, not on its own. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const saved = parsePersistedOverview(state);
    if (!saved) {
      panel.dispose();
      return;
    }
    panel.title = vscode.l10n.t('Overview: {0}', saved.registry.name);
    this.track(new OverviewPanel(panel, this.deps, saved.registry));
  }

  private track(panel: OverviewPanel): OverviewPanel {
    return this.panels.add(panel.key, panel);
  }

  dispose(): void {
    this.panels.dispose();
  }
}
