import * as vscode from 'vscode';
import { progressReporter } from '../../commands/ensureDetails';
import { showErrorWithLog } from '../../commands/showError';
import { maxConcurrentRequests } from '../../config/listSettings';
import { describeError } from '../../registry';
import type { RegistryNode } from '../../tree/nodes';
import type { RegistryTreeModel } from '../../tree/registryTreeModel';
import type { TemplateListing } from '../../tree/templateListing';
import { renderPage } from '../details/renderPage';
import { loadOverview } from './overviewLoad';
import {
  OVERVIEW_VIEW_TYPE, parseOverviewMessage, type FromOverviewWebview, type PersistedOverview,
  type ToOverviewWebview,
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
export class OverviewPanel implements vscode.Disposable {
  private readonly view: OverviewView;
  private html = '';
  private webviewReady = false;
  private disposed = false;
  private controller: AbortController | undefined;
  private renderTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly ageTimer: ReturnType<typeof setInterval>;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly closeListeners = new Set<() => void>();

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly deps: OverviewDeps,
    registry: { name: string; url: string },
  ) {
    const cached = deps.cache.get(overviewKey(registry));
    this.view = {
      registry: { name: registry.name, url: registry.url },
      progress: undefined,
      overview: cached?.overview,
      gaps: cached?.gaps,
      failure: undefined,
      nowMillis: Date.now(),
    };
    const media = vscode.Uri.joinPath(deps.extensionUri, 'media');
    panel.webview.options = {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [media],
    };
    panel.iconPath = vscode.Uri.joinPath(media, 'anka-registry.svg');
    panel.webview.html = renderPage(
      {
        cspSource: panel.webview.cspSource,
        styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'details.css')).toString(),
        scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'overview.js')).toString(),
        language: vscode.env.language,
      },
      vscode.l10n.t('Registry Overview: {0}', registry.name),
      renderOverview(this.view),
    );
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      panel.onDidDispose(() => this.dispose()),
    );
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

  onDidClose(listener: () => void): void {
    this.closeListeners.add(listener);
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

  private render(): void {
    if (this.disposed) {
      return;
    }
    clearTimeout(this.renderTimer);
    this.renderTimer = undefined;
    this.view.nowMillis = Date.now();
    this.html = renderOverview(this.view).value;
    if (this.webviewReady) {
      this.post({ type: 'render', html: this.html, state: this.persisted() });
    }
  }

  private persisted(): PersistedOverview {
    return { kind: OVERVIEW_VIEW_TYPE, registry: { ...this.view.registry } };
  }

  private post(message: ToOverviewWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private receive(raw: unknown): void {
    const message = parseOverviewMessage(raw);
    if (!message) {
      this.deps.log.warn(`Registry Overview: ignored an unknown message ${JSON.stringify(raw)}`);
      return;
    }
    this.handle(message).catch((error: unknown) => void showErrorWithLog(this.deps.log, error));
  }

  private async handle(message: FromOverviewWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.webviewReady = true;
        this.render();
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
      const text = vscode.l10n.t('That template is no longer listed; press Refresh.');
      this.post({ type: 'notice', text });
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

  dispose(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    this.controller?.abort();
    clearInterval(this.ageTimer);
    clearTimeout(this.renderTimer);
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.panel.dispose();
    this.closeListeners.forEach((listener) => listener());
  }
}
