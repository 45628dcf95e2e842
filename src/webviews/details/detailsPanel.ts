import * as vscode from 'vscode';
import { addressOf, type ConfigStore } from '../../details/configStore';
import { RegistryGoneError } from '../../details/registryClients';
import { TemplateSource } from '../../details/templateSource';
import { findVersion, newestVersion, tagLabel } from '../../details/versions';
import { describeError, type Template } from '../../registry';
import type { RegistryTreeModel } from '../../tree/registryTreeModel';
import type { ConfigDocuments } from '../../views/configDocument';
import { PanelHost } from '../panelHost';
import { setUpWebview } from '../webviewSetup';
import { parseWebviewMessage, type FromWebview, type PersistedDetails } from './protocol';
import { runConfigAction, type ConfigAction } from './configActions';
import { renderDetails } from './renderDetails';
import { LOADING, type DetailsView, type Load } from './view';

export interface DetailsDeps {
  model: RegistryTreeModel;
  log: vscode.LogOutputChannel;
  configs: ConfigStore;
  documents: ConfigDocuments;
  extensionUri: vscode.Uri;
}

/** What tests and the manager can read about a panel. */
export interface DetailsSnapshot {
  template: Load<Template>['state'];
  config: DetailsView['config']['state'];
  disk: DetailsView['disk']['state'];
  selected: number | undefined;
  revealSecrets: boolean;
  title: string;
  /** The body last sent to the webview. */
  html: string;
}

/** One template's details panel: loads, renders, and answers the webview's messages. */
export class DetailsPanel extends PanelHost<FromWebview, PersistedDetails> {
  private view: DetailsView;
  private templateLoads = 0;
  private configLoads = 0;
  private diskLoads = 0;
  private readonly source: TemplateSource;

  constructor(
    panel: vscode.WebviewPanel,
    private readonly deps: DetailsDeps,
    target: PersistedDetails,
    template?: Template,
  ) {
    super(panel, deps.log, 'Details panel', parseWebviewMessage);
    this.source = new TemplateSource(deps.model, target.registry, target.templateId);
    this.view = {
      registry: target.registry,
      templateId: target.templateId,
      templateName: template?.name ?? target.templateName,
      template: template ? { state: 'ready', value: template } : LOADING,
      selected: target.version,
      config: LOADING,
      disk: LOADING,
      revealSecrets: false,
      nowMillis: Date.now(),
    };
    setUpWebview(panel, deps.extensionUri, {
      title: this.view.templateName, body: renderDetails(this.view), script: 'details.js',
    });
    this.subscriptions.push(
      { dispose: this.source.onDidChange(() => void this.loadTemplate('background')).dispose },
    );
    if (template) {
      this.selectDefault(template);
      void this.loadConfig();
    }
    void this.loadTemplate(template ? 'background' : 'foreground');
    void this.loadDisk(false);
    this.updateTitle();
  }

  get templateId(): string {
    return this.view.templateId;
  }

  snapshot(): DetailsSnapshot {
    return {
      template: this.view.template.state,
      config: this.view.config.state,
      disk: this.view.disk.state,
      selected: this.view.selected,
      revealSecrets: this.view.revealSecrets,
      title: this.panel.title,
      html: this.html,
    };
  }

  /** Brings the panel to the front, on the given version when there is one. */
  reveal(version: number | undefined): void {
    this.panel.reveal(undefined, false);
    if (version !== undefined && version !== this.view.selected) {
      this.select(version);
    }
  }

  /** Reads the template, its configs and the disk again; the tree's row is refreshed too. */
  refresh(): void {
    this.source.invalidate();
    this.deps.configs.invalidate(this.view.registry.url, this.view.templateId);
    this.view.template = LOADING;
    this.view.config = LOADING;
    this.view.disk = LOADING;
    this.render();
    void this.loadTemplate('foreground');
    void this.loadDisk(true);
  }

  select(version: number): void {
    const { template } = this.view;
    if (template.state === 'ready' && !findVersion(template.value, version)) {
      return;
    }
    this.view.selected = version;
    this.updateTitle();
    this.render();
    void this.loadConfig();
  }

  private async loadTemplate(mode: 'foreground' | 'background'): Promise<void> {
    const load = ++this.templateLoads;
    const before = this.view.template.state === 'ready' ? this.view.template.value : undefined;
    if (mode === 'foreground' && this.view.template.state !== 'loading') {
      this.view.template = LOADING;
      this.render();
    }
    try {
      const template = await this.source.load();
      if (load !== this.templateLoads || this.disposed || template === before) {
        return;
      }
      if (before) {
        // The template was read again elsewhere (a refresh): its configs may have changed too.
        this.deps.configs.invalidate(this.view.registry.url, this.view.templateId);
      }
      this.view.template = { state: 'ready', value: template };
      this.view.templateName = template.name;
      this.selectDefault(template);
      this.updateTitle();
      this.render();
      void this.loadConfig();
    } catch (error) {
      if (load !== this.templateLoads || this.disposed) {
        return;
      }
      this.deps.log.error(`Details of ${this.view.templateName}: ${describeError(error)}`);
      // A background reload keeps what is shown, unless the registry itself is gone.
      if (mode === 'foreground' || !before || error instanceof RegistryGoneError) {
        this.view.template = { state: 'failed', message: describeError(error) };
        this.render();
      }
    }
  }

  /** Keeps the chosen version if the template still has it; the newest one otherwise. */
  private selectDefault(template: Template): void {
    if (!findVersion(template, this.view.selected)) {
      this.view.selected = newestVersion(template)?.number;
    }
  }

  private async loadConfig(): Promise<void> {
    const load = ++this.configLoads;
    const template = this.view.template.state === 'ready' ? this.view.template.value : undefined;
    const version = template && findVersion(template, this.view.selected);
    if (!template || !version) {
      return;
    }
    const address = addressOf(this.view.registry, template, version);
    const cached = this.deps.configs.peek(address);
    if (cached) {
      this.view.config = { state: 'ready', value: cached };
      this.render();
      return;
    }
    this.view.config = LOADING;
    this.render();
    try {
      const config = await this.deps.configs.get(address);
      if (load === this.configLoads && !this.disposed) {
        this.view.config = { state: 'ready', value: config };
        this.render();
      }
    } catch (error) {
      if (load === this.configLoads && !this.disposed) {
        this.deps.log.error(describeError(error));
        this.view.config = { state: 'failed', message: describeError(error) };
        this.render();
      }
    }
  }

  private async loadDisk(fresh: boolean): Promise<void> {
    const load = ++this.diskLoads;
    try {
      const disk = await this.source.disk(fresh);
      if (load === this.diskLoads && !this.disposed) {
        this.view.disk = { state: 'ready', value: disk };
        this.render();
      }
    } catch (error) {
      if (load === this.diskLoads && !this.disposed) {
        this.deps.log.error(describeError(error));
        this.view.disk = { state: 'failed', message: describeError(error) };
        this.render();
      }
    }
  }

  private updateTitle(): void {
    const template = this.view.template.state === 'ready' ? this.view.template.value : undefined;
    const version = template && findVersion(template, this.view.selected);
    this.panel.title = version
      ? `${this.view.templateName} · ${tagLabel(version)}`
      : this.view.templateName;
  }

  protected override render(): void {
    if (this.disposed) {
      return;
    }
    this.view.nowMillis = Date.now();
    this.show(renderDetails(this.view).value);
  }

  protected override persisted(): PersistedDetails {
    return {
      kind: 'ankaRegistry.details',
      registry: { ...this.view.registry },
      templateId: this.view.templateId,
      templateName: this.view.templateName,
      version: this.view.selected,
    };
  }

  protected override async handle(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready();
        return;
      case 'refresh':
        this.refresh();
        return;
      case 'selectVersion':
        this.select(message.version);
        return;
      case 'toggleSecrets':
        this.view.revealSecrets = !this.view.revealSecrets;
        this.render();
        return;
      case 'showLog':
        this.deps.log.show();
        return;
      default:
        await this.configAction(message.type);
    }
  }

  private async configAction(action: ConfigAction): Promise<void> {
    const template = this.view.template.state === 'ready' ? this.view.template.value : undefined;
    const version = template && findVersion(template, this.view.selected);
    if (!template || !version) {
      return;
    }
    const { registry, revealSecrets, config } = this.view;
    const notice = (text: string): void => this.notice(text);
    await runConfigAction(action, {
      registry, template, version, revealSecrets, config, notice, documents: this.deps.documents,
    });
  }

  protected override release(): void {
    this.source.dispose();
  }
}
