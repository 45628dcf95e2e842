import * as vscode from 'vscode';
import type { Template } from '../../registry/models';
import type { RegistryEntry } from '../../tree/nodes';
import { DetailsPanel, type DetailsDeps } from './detailsPanel';
import { DETAILS_VIEW_TYPE, parsePersistedDetails, type PersistedDetails } from './protocol';
import { html } from './html';
import { OpenPanels } from '../openPanels';
import { openPanel, setUpWebview } from '../webviewSetup';

export interface DetailsTarget {
  registry: RegistryEntry;
  templateId: string;
  templateName: string;
  /** The template as the tree has it, to show at once. */
  template?: Template;
  version?: number;
}

function keyOf(registry: RegistryEntry, templateId: string): string {
  return `${registry.name}\u0000${registry.url}\u0000${templateId}`;
}

/** The open details panels, one per template, and their restoration after a window reload. */
export class DetailsPanels implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private readonly panels = new OpenPanels<DetailsPanel>();

  constructor(private readonly deps: DetailsDeps) {}

  /** Reveals the template's panel (on `version` when given), opening it if needed. */
  show(target: DetailsTarget): DetailsPanel {
    const existing = this.get(target.registry, target.templateId);
    if (existing) {
      existing.reveal(target.version);
      return existing;
    }
    const panel = openPanel(DETAILS_VIEW_TYPE, target.templateName, this.deps.extensionUri);
    return this.adopt(panel, this.persisted(target), target.template);
  }

  get(registry: RegistryEntry, templateId: string): DetailsPanel | undefined {
    return this.panels.get(keyOf(registry, templateId));
  }

  all(): DetailsPanel[] {
    return this.panels.all();
  }

  /** The serializer's half: brings back a panel from the state its webview saved. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    this.restore(panel, state);
  }

  restore(panel: vscode.WebviewPanel, state: unknown): DetailsPanel | undefined {
    const target = parsePersistedDetails(state);
    if (!target) {
      this.deps.log.warn('A details panel could not be restored: its saved state is not usable.');
      this.showUnrestorable(panel);
      return undefined;
    }
    this.get(target.registry, target.templateId)?.dispose();
    return this.adopt(panel, target, undefined);
  }

  dispose(): void {
    this.panels.dispose();
  }

  private adopt(
    panel: vscode.WebviewPanel,
    target: PersistedDetails,
    template?: Template,
  ): DetailsPanel {
    const details = new DetailsPanel(panel, this.deps, target, template);
    return this.panels.add(keyOf(target.registry, target.templateId), details);
  }

  private persisted(target: DetailsTarget): PersistedDetails {
    return {
      kind: DETAILS_VIEW_TYPE,
      registry: { name: target.registry.name, url: target.registry.url },
      templateId: target.templateId,
      templateName: target.templateName,
      version: target.version,
    };
  }

  private showUnrestorable(panel: vscode.WebviewPanel): void {
    panel.title = vscode.l10n.t('Template details');
    const body = html`<div class="error" role="alert">
      <p class="error-title">${vscode.l10n.t('This panel could not be restored.')}</p>
      <p>${vscode.l10n.t(
        'Close it and open the template\'s details again from the Registries view.',
      )}</p>
    </div>`;
    setUpWebview(panel, this.deps.extensionUri, { title: panel.title, body });
  }
}
