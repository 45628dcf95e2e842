import * as l10n from '@vscode/l10n';
import type { Template } from '../registry';
import { runLimited } from './concurrency';
import type { Permission } from './permissions';
import { RegistryState, type TreeClient } from './registryState';
import type {
  ErrorNode,
  MessageNode,
  RegistryEntry,
  RegistryNode,
  TagNode,
  TemplateNode,
  TreeNode,
} from './nodes';

export interface TreeModelOptions {
  createClient: (entry: RegistryEntry) => TreeClient;
  /** Templates whose details (arch, tags) load in the background after the list arrives. */
  prefetchLimit?: number;
  /** Detail requests in flight at once per registry. */
  concurrency?: number;
}

type ChangeListener = (nodes: TreeNode[] | undefined) => void;

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * The tree's data: registries > templates > tags, loaded lazily and cached until refreshed.
 * Node objects stay the same between calls, so the view can address them in change events.
 */
export class RegistryTreeModel {
  private registries: RegistryNode[] = [];
  private readonly states = new Map<string, RegistryState>();
  private readonly templateNodes = new Map<string, TemplateNode[]>();
  private readonly listeners = new Set<ChangeListener>();
  private readonly pendingChanges = new Set<TreeNode>();
  /** Children being loaded, by parent id: their parent is announced once they are in. */
  private readonly loading = new Map<string, Promise<TreeNode[]>>();
  private changeTimer: ReturnType<typeof setTimeout> | undefined;
  private transientNodes = 0;
  /** Registries whose status is being read again by recheckHealth. */
  private readonly healthChecks = new WeakSet<RegistryState>();

  constructor(private readonly options: TreeModelOptions) {}

  onDidChange(listener: ChangeListener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Replaces the configured registries, keeping caches of those that did not change. */
  setRegistries(entries: readonly RegistryEntry[]): void {
    const seen = new Map<string, number>();
    const next: RegistryNode[] = [];
    for (const entry of entries) {
      const key = `${entry.name}\u0000${entry.url}`;
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      const id = `registry:${encodeURIComponent(entry.name)}@${entry.url}#${occurrence}`;
      // A changed connection (auth, certificates) needs a new client, so a new node.
      const existing = this.registries.find(
        (node) => node.id === id && sameEntry(node.entry, entry),
      );
      next.push(existing ?? { kind: 'registry', id, entry: { ...entry } });
    }
    for (const old of this.registries) {
      if (!next.includes(old)) {
        this.dropState(old);
      }
    }
    this.registries = next;
    this.emit(undefined);
  }

  /** Drops every client and cache, for example when the request timeout changed. */
  resetClients(): void {
    for (const node of this.registries) {
      this.dropState(node);
    }
    this.emit(undefined);
  }

  getRegistries(): readonly RegistryNode[] {
    return this.registries;
  }

  getState(node: RegistryNode): RegistryState {
    let state = this.states.get(node.id);
    if (!state) {
      state = new RegistryState(this.options.createClient(node.entry));
      this.states.set(node.id, state);
    }
    return state;
  }

  /** The template's details when they have been loaded, for the template's row. */
  getLoadedTemplate(node: TemplateNode): Template | undefined {
    return this.getState(node.registry).loadedDetails.get(node.summary.id);
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) {
      return [...this.registries];
    }
    if (node.kind === 'registry') {
      return this.track(node, this.getTemplateNodes(node));
    }
    if (node.kind === 'template') {
      return this.track(node, this.getTagNodes(node));
    }
    return [];
  }

  private track(node: TreeNode, pending: Promise<TreeNode[]>): Promise<TreeNode[]> {
    this.loading.set(node.id, pending);
    const done = (): void => {
      if (this.loading.get(node.id) === pending) {
        this.loading.delete(node.id);
      }
    };
    pending.then(done, done);
    return pending;
  }

  /** Starts loading a registry's status and disk usage once; its row updates when they arrive. */
  ensureHealth(node: RegistryNode): void {
    const state = this.getState(node);
    if (state.health.state !== 'unknown') {
      return;
    }
    state.health = { state: 'loading' };
    const signal = state.signal;
    void this.loadHealth(state, signal).then((health) => {
      if (!signal.aborted) {
        state.health = health;
        this.emit([node]);
      }
    });
  }

  /**
   * Reads a registry's status and disk usage again, keeping its templates cached (the status
   * bar's periodic check); the row keeps its old health until the new one arrives.
   */
  recheckHealth(node: RegistryNode): void {
    const state = this.getState(node);
    if (state.health.state === 'unknown' || state.health.state === 'loading') {
      this.ensureHealth(node);
      return;
    }
    if (this.healthChecks.has(state)) {
      return;
    }
    this.healthChecks.add(state);
    const signal = state.signal;
    void this.loadHealth(state, signal).then((health) => {
      this.healthChecks.delete(state);
      if (!signal.aborted) {
        state.health = health;
        this.emit([node]);
      }
    });
  }

  /** Forgets what is cached under a node (everything when none is given) and reloads it. */
  refresh(node?: TreeNode): void {
    if (!node) {
      for (const registry of this.registries) {
        this.getState(registry).invalidate();
        this.getState(registry).denied.clear();
        this.templateNodes.delete(registry.id);
      }
      this.emit(undefined);
      return;
    }
    if (node.kind === 'registry') {
      this.getState(node).invalidate();
      this.getState(node).denied.clear();
      this.templateNodes.delete(node.id);
      this.emit([node]);
    } else if (node.kind === 'template') {
      this.getState(node.registry).invalidateTemplate(node.summary.id);
      this.emit([node]);
    } else if (node.kind === 'error') {
      this.refresh(node.parent);
    } else if (node.kind === 'tag') {
      const parent = this.findTemplateNode(node.registry, node.template.id);
      this.refresh(parent ?? node.registry);
    }
  }

  /**
   * Reloads a registry after templates were changed on it, keeping the removed ones out of the
   * tree while the registry's cached list may still name them. Details are re-read by id.
   */
  noteChanges(registry: RegistryNode, removedTemplateIds: readonly string[] = []): void {
    const state = this.getState(registry);
    removedTemplateIds.forEach((id) => state.recent.markRemoved(id));
    state.invalidate();
    this.templateNodes.delete(registry.id);
    this.emit([registry]);
  }

  deniedPermissions(registry: RegistryNode): ReadonlySet<Permission> {
    return this.getState(registry).denied;
  }

  /** Records that the registry refused (403) or allowed a permission; menus follow. */
  setPermission(registry: RegistryNode, permission: Permission, allowed: boolean): void {
    const denied = this.getState(registry).denied;
    if (denied.has(permission) !== allowed) {
      return;
    }
    if (allowed) {
      denied.delete(permission);
    } else {
      denied.add(permission);
    }
    this.emit(undefined);
  }

  dispose(): void {
    for (const node of this.registries) {
      this.dropState(node);
    }
    this.listeners.clear();
    clearTimeout(this.changeTimer);
  }

  private async loadHealth(state: RegistryState, signal: AbortSignal) {
    const [status, disk] = await Promise.allSettled([
      state.client.getStatus({ signal }),
      state.client.getDisk({ signal }),
    ]);
    if (status.status === 'rejected') {
      return { state: 'failed' as const, error: toError(status.reason) };
    }
    if (disk.status === 'rejected') {
      return {
        state: 'ok' as const,
        status: status.value,
        disk: undefined,
        diskError: toError(disk.reason),
      };
    }
    return { state: 'ok' as const, status: status.value, disk: disk.value };
  }

  private async getTemplateNodes(registry: RegistryNode): Promise<TreeNode[]> {
    const cached = this.templateNodes.get(registry.id);
    if (cached) {
      return cached.length > 0
        ? cached
        : [this.emptyNode(registry.id, l10n.t('No templates in this registry'))];
    }
    const state = this.getState(registry);
    const signal = state.signal;
    this.ensureHealth(registry);
    state.templates ??= state.client.listTemplates({ signal });
    const pending = state.templates;
    let summaries;
    try {
      summaries = await pending;
    } catch (error) {
      if (signal.aborted && this.registries.includes(registry)) {
        return this.getTemplateNodes(registry);
      }
      if (state.templates === pending) {
        state.templates = undefined;
      }
      return [this.errorNode(registry, 'templates', error)];
    }
    if (signal.aborted) {
      return this.getTemplateNodes(registry);
    }
    const nodes = state.recent
      .visible(summaries)
      .sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.id, b.id))
      .map((summary): TemplateNode => ({
        kind: 'template',
        id: `${registry.id}/template:${summary.id}`,
        registry,
        summary,
      }));
    this.templateNodes.set(registry.id, nodes);
    this.prefetchDetails(registry, state, nodes);
    return nodes.length > 0
      ? nodes
      : [this.emptyNode(registry.id, l10n.t('No templates in this registry'))];
  }

  private async getTagNodes(node: TemplateNode): Promise<TreeNode[]> {
    const state = this.getState(node.registry);
    const signal = state.signal;
    const rowHadDetails = state.loadedDetails.has(node.summary.id);
    let template: Template;
    try {
      template = await this.loadDetail(state, node.summary.id);
    } catch (error) {
      if (signal.aborted && this.states.get(node.registry.id) === state) {
        return this.getTagNodes(node);
      }
      return [this.errorNode(node, 'tags', error)];
    }
    if (!rowHadDetails) {
      // The row was drawn from the list alone; show its arch and tag count now.
      this.emit([node]);
    }
    if (template.versions.length === 0) {
      return [this.emptyNode(node.id, l10n.t('No tags in this template'))];
    }
    const newest = Math.max(...template.versions.map((version) => version.number));
    return [...template.versions]
      .sort((a, b) => b.number - a.number)
      .map((version): TagNode => ({
        kind: 'tag',
        id: `${node.id}/tag:${version.number}:${version.tag}`,
        registry: node.registry,
        template,
        version,
        isNewest: version.number === newest,
      }));
  }

  /** One request per template, shared by the background prefetch and an expand. */
  private loadDetail(state: RegistryState, templateId: string): Promise<Template> {
    let pending = state.details.get(templateId);
    if (!pending) {
      pending = state.client.getTemplate(templateId, { signal: state.signal });
      state.details.set(templateId, pending);
      pending.then(
        (template) => {
          if (state.details.get(templateId) === pending) {
            state.loadedDetails.set(templateId, template);
          }
        },
        () => {
          if (state.details.get(templateId) === pending) {
            state.details.delete(templateId);
          }
        },
      );
    }
    return pending;
  }

  private prefetchDetails(
    registry: RegistryNode,
    state: RegistryState,
    nodes: TemplateNode[],
  ): void {
    const limit = this.options.prefetchLimit ?? 200;
    if (nodes.length === 0 || nodes.length > limit) {
      return;
    }
    const signal = state.signal;
    void runLimited(
      nodes,
      this.options.concurrency ?? 4,
      async (node) => {
        try {
          await this.loadDetail(state, node.summary.id);
          if (!signal.aborted && this.templateNodes.get(registry.id)?.includes(node)) {
            this.emit([node]);
          }
        } catch {
          // The row keeps the list's figures; expanding it shows the error with a retry.
        }
      },
      signal,
    );
  }

  findTemplateNode(registry: RegistryNode, templateId: string): TemplateNode | undefined {
    return this.templateNodes.get(registry.id)?.find((node) => node.summary.id === templateId);
  }

  /** Whether the view still shows this node object (a refresh replaces template nodes). */
  private isCurrent(node: TreeNode): boolean {
    if (node.kind === 'registry') {
      return this.registries.includes(node);
    }
    if (node.kind === 'template') {
      return this.templateNodes.get(node.registry.id)?.includes(node) ?? false;
    }
    return false;
  }

  private errorNode(parent: RegistryNode | TemplateNode, what: string, error: unknown): ErrorNode {
    // A fresh id per failure: VS Code rejects a new element under an id it still has registered.
    const id = `${parent.id}/error#${++this.transientNodes}`;
    return { kind: 'error', id, parent, what, error: toError(error) };
  }

  private emptyNode(parentId: string, text: string): MessageNode {
    return { kind: 'message', id: `${parentId}/empty#${++this.transientNodes}`, text };
  }

  private dropState(node: RegistryNode): void {
    const state = this.states.get(node.id);
    if (state) {
      state.invalidate();
      void state.client.close().catch(() => undefined);
      this.states.delete(node.id);
    }
    this.templateNodes.delete(node.id);
  }

  /** Coalesces change events that arrive together (a prefetch updates many rows at once). */
  private emit(nodes: TreeNode[] | undefined): void {
    if (nodes === undefined) {
      this.pendingChanges.clear();
      clearTimeout(this.changeTimer);
      this.changeTimer = undefined;
      this.listeners.forEach((listener) => listener(undefined));
      return;
    }
    nodes.forEach((node) => this.pendingChanges.add(node));
    this.changeTimer ??= setTimeout(() => {
      this.changeTimer = undefined;
      const batch = [...this.pendingChanges].filter((node) => this.isCurrent(node));
      this.pendingChanges.clear();
      // A node announced while VS Code loads its children makes VS Code load them twice at
      // once, and the second load fails with "already registered": announce it afterwards.
      const ready = batch.filter((node) => !this.loading.has(node.id));
      for (const node of batch.filter((item) => this.loading.has(item.id))) {
        const again = (): void => this.emit([node]);
        this.loading.get(node.id)?.then(again, again);
      }
      if (ready.length > 0) {
        this.listeners.forEach((listener) => listener(ready));
      }
    }, 50);
  }
}

function sameEntry(a: RegistryEntry, b: RegistryEntry): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => a[key as keyof RegistryEntry] === b[key as keyof RegistryEntry]);
}

function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
