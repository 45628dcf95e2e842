import * as vscode from 'vscode';
import { progressReporter } from '../../commands/ensureDetails';
import { maxConcurrentRequests } from '../../config/listSettings';
import { describeError } from '../../registry';
import type { RegistryNode } from '../../tree/nodes';
import type { RegistryTreeModel } from '../../tree/registryTreeModel';
import type { TemplateListing } from '../../tree/templateListing';
import { PanelHost } from '../panelHost';
import { setUpWebview } from '../webviewSetup';
import { loadOverview } from './overviewLoad';
import {
  OVERVIEW_VIEW_TYPE, parseOverviewMessage, type FromOverviewWebview, type PersistedOverview,
} from './protocol';
import { renderOverview } from './renderOverview';
import type { OverviewView } from './view';

export interface OverviewDeps {
  model: RegistryTreeModel;
  listing: TemplateListing;
  log: vscode.LogOutputChannel;
  extensionUri: vscode.Uri;
  /** Figures computed earlier, by registry: a panel opened again shows them with their age. */
  cache: Map<string, CachedOverview>;
}

export type CachedOverview = Pick<OverviewView, 'overview' | 'gaps'>;

/** What tests can read about a panel. */
export interface OverviewSnapshot {
  state: 'idle' | 'loading' | 'ready' | 'failed';
  templates: number | undefined;
  withDetails: number | undefined;
  html: string;
}

const RENDER_INTERVAL_MS = 200;
const AGE_REFRESH_MS = 30_000;

export function overviewKey(registry: { name: string; url: string }): string {
  return `${registry.name}\u0000${registry.url}`;
}

/** One registry's overview panel: computes the figures, renders them, answers the webview. */
export class OverviewPanel extends PanelHost<FromOverviewWebview, PersistedOverview> {
  private readonly view: OverviewView;
  private controller: AbortController | undefined;
  private renderTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly ageTimer: ReturnType<typeof setInterval>;

  constructor(
    panel: vscode.WebviewPanel,
    private readonly deps: OverviewDeps,
    registry: { name: string; url: string },
  ) {
    super(panel, deps.log, 'Registry Overview', parseOverviewMessage);
    const cached = deps.cache.get(overviewKey(registry));
    this.view = {
      registry: { name: registry.name, url: registry.url },
      progress: undefined,
      overview: cached?.overview,
      gaps: cached?.gaps,
      failure: undefined,
      nowMillis: Date.now(),
    };
    setUpWebview(panel, deps.extensionUri, {
      title: vscode.l10n.t('Registry Overview: {0}', registry.name),
      body: renderOverview(this.view),
      script: 'overview.js',
    });
    this.ageTimer = setInterval(() => this.render(), AGE_REFRESH_MS);
  }

  get key(): string {
    return overviewKey(this.view.registry);
  }

  get busy(): boolean {
    return this.controller !== undefined;
  }

  snapshot(): OverviewSnapshot {
    const state = this.view.progress
      ? 'loading'
      : this.view.failure ? 'failed' : this.view.overview ? 'ready' : 'idle';
    return {
      state,
      templates: this.view.overview?.templates,
      withDetails: this.view.overview?.withDetails,
      html: this.html,
    };
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  /**
   * Reads what is missing (every template's details, the disk) and computes the figures.
   * `fresh` drops the registry's cached list and details first.
   */
  async compute(fresh: boolean): Promise<void> {
    const registry = this.registryNode();
    if (!registry || this.busy) {
      return;
    }
    if (fresh) {
      this.deps.model.refresh(registry);
    }
    const controller = new AbortController();
    this.controller = controller;
    this.view.failure = undefined;
    this.view.progress = { done: 0, total: 0, failed: 0 };
    this.render();
    try {
      await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: vscode.l10n.t('Registry Overview of "{0}"', registry.entry.name),
          cancellable: true,
        },
        async (progress, token) => {
          const subscription = token.onCancellationRequested(() => controller.abort());
          const report = progressReporter(progress);
          try {
            const loaded = await loadOverview({
              model: this.deps.model,
              log: this.deps.log,
              registry,
              concurrency: maxConcurrentRequests(),
              signal: controller.signal,
              onProgress: (update) => {
                report(update);
                this.view.progress = update;
                this.renderSoon();
              },
            });
            this.view.overview = loaded.overview;
            this.view.gaps = loaded.gaps;
            this.deps.cache.set(this.key, loaded);
          } finally {
            subscription.dispose();
          }
        },
      );
    } catch (error) {
      this.deps.log.error(`Registry Overview of ${registry.entry.name}: ${describeError(error)}`);
      this.view.failure = describeError(error);
    } finally {
      this.controller = undefined;
      this.view.progress = undefined;
      this.render();
      this.deps.listing.relayout(registry);
    }
  }

  cancel(): void {
    this.controller?.abort();
  }

  /** The registry's node in the tree now: settings may have replaced it since. */
  private registryNode(): RegistryNode | undefined {
    const { name, url } = this.view.registry;
    const found = this.deps.model
      .getRegistries()
      .find((node) => node.entry.name === name && node.entry.url === url);
    if (!found) {
      const { name, url } = this.view.registry;
      this.view.failure = vscode.l10n.t(
        'The registry "{0}" ({1}) is no longer in the Registries view.', name, url,
      );
      this.render();
    }
    return found;
  }

  private renderSoon(): void {
    this.renderTimer ??= setTimeout(() => {
      this.renderTimer = undefined;
      this.render();
    }, RENDER_INTERVAL_MS);
  }

  protected override render(): void {
    if (this.disposed) {
      return;
    }
    clearTimeout(this.renderTimer);
    this.renderTimer = undefined;
    this.view.nowMillis = Date.now();
    this.show(renderOverview(this.view).value);
  }

  protected override persisted(): PersistedOverview {
    return { kind: OVERVIEW_VIEW_TYPE, registry: { ...this.view.registry } };
  }

  protected override async handle(message: FromOverviewWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready();
        return;
      case 'refresh':
        await this.compute(true);
        return;
      case 'loadRest':
        await this.compute(false);
        return;
      case 'cancel':
        this.cancel();
        return;
      case 'showLog':
        this.deps.log.show();
        return;
      case 'showTemplate':
        await this.showTemplate(message.id);
        return;
      case 'filterStale':
        await this.filterStale(message.days);
        return;
    }
  }

  private async showTemplate(id: string): Promise<void> {
    const registry = this.registryNode();
    const node = registry && this.deps.model.findTemplateNode(registry, id);
    if (!node) {
      this.notice(vscode.l10n.t('That template is no longer listed; press Refresh.'));
      return;
    }
    await vscode.commands.executeCommand('ankaRegistry.showDetails', node);
  }

  private async filterStale(days: number): Promise<void> {
    const registry = this.registryNode();
    if (registry) {
      const filter = `unpulled:${days}`;
      await vscode.commands.executeCommand('ankaRegistry.filterTemplates', registry, filter);
    }
  }

  protected override release(): void {
    this.controller?.abort();
    clearInterval(this.ageTimer);
    clearTimeout(this.renderTimer);
  }
}
