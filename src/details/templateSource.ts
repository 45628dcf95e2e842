import type { DiskUsage, Template } from '../registry/models';
import type { RegistryEntry, RegistryNode, TemplateNode, TreeNode } from '../tree/nodes';
import type { RegistryTreeModel } from '../tree/registryTreeModel';
import { clientFor, findRegistry, RegistryGoneError } from './registryClients';

/**
 * One template's details for the details panel: from the tree model's cache when the tree has
 * the template, read directly otherwise (so that a panel alone does not load the whole tree).
 */
export class TemplateSource {
  private direct: Promise<Template> | undefined;
  private readonly listeners = new Set<() => void>();
  private subscription: { dispose(): void } | undefined;

  constructor(
    private readonly model: RegistryTreeModel,
    private readonly entry: RegistryEntry,
    private readonly templateId: string,
  ) {}

  async load(): Promise<Template> {
    const registry = this.registry();
    const node = this.model.findTemplateNode(registry, this.templateId);
    if (node) {
      return this.fromTree(node);
    }
    this.direct ??= clientFor(this.model, this.entry).getTemplate(this.templateId);
    const pending = this.direct;
    pending.catch(() => {
      if (this.direct === pending) {
        this.direct = undefined;
      }
    });
    return pending;
  }

  /** Forgets the template here and in the tree, whose row then reloads as well. */
  invalidate(): void {
    this.direct = undefined;
    const registry = findRegistry(this.model, this.entry);
    const node = registry && this.model.findTemplateNode(registry, this.templateId);
    if (node) {
      this.model.refresh(node);
    }
  }

  /** The registry's disk usage: the tree's when it has read it and `fresh` is not asked for. */
  async disk(fresh: boolean): Promise<DiskUsage> {
    const registry = this.registry();
    const health = this.model.getState(registry).health;
    if (!fresh && health.state === 'ok' && health.disk) {
      return health.disk;
    }
    return clientFor(this.model, this.entry).getDisk();
  }

  /** Called when the tree reloaded this template or its registry. */
  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    this.subscription ??= this.model.onDidChange((nodes) => this.changed(nodes));
    return { dispose: () => this.listeners.delete(listener) };
  }

  dispose(): void {
    this.subscription?.dispose();
    this.listeners.clear();
  }

  private registry(): RegistryNode {
    const registry = findRegistry(this.model, this.entry);
    if (!registry) {
      throw new RegistryGoneError(this.entry);
    }
    return registry;
  }

  private async fromTree(node: TemplateNode): Promise<Template> {
    const cached = this.model.getLoadedTemplate(node);
    if (cached) {
      return cached;
    }
    const children = await this.model.getChildren(node);
    const failed = children.find((child) => child.kind === 'error');
    if (failed?.kind === 'error') {
      throw failed.error;
    }
    const loaded = this.model.getLoadedTemplate(node);
    const tag = children.find((child) => child.kind === 'tag');
    const template = loaded ?? (tag?.kind === 'tag' ? tag.template : undefined);
    return template ?? clientFor(this.model, this.entry).getTemplate(this.templateId);
  }

  private changed(nodes: TreeNode[] | undefined): void {
    const relevant = nodes === undefined || nodes.some((node) => this.concerns(node));
    if (!relevant) {
      return;
    }
    if (nodes === undefined || nodes.some((node) => node.kind === 'registry')) {
      this.direct = undefined;
    }
    this.listeners.forEach((listener) => listener());
  }

  private concerns(node: TreeNode): boolean {
    if (node.kind === 'registry') {
      // Its row changes when its status arrives, too; only a refresh resets it to unknown.
      const health = this.model.getState(node).health.state;
      return this.isOurs(node) && (health === 'unknown' || health === 'loading');
    }
    return (
      node.kind === 'template' && node.summary.id === this.templateId && this.isOurs(node.registry)
    );
  }

  private isOurs(registry: RegistryNode): boolean {
    return findRegistry(this.model, this.entry) === registry;
  }
}
