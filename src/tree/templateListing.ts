import * as l10n from '@vscode/l10n';
import { formatCount } from '../format';
import type { Template } from '../registry/models';
import type { MessageNode, RegistryNode, TemplateNode, TreeNode } from './nodes';
import { page, pageTagChildren, TEMPLATE_PAGE_SIZE } from './paging';
import {
  describeFilter, filterNeedsDetails, isEmptyFilter, matchesFilter, type TemplateFilter,
} from './templateFilter';
import { sortNeedsDetails, sortTemplates, type TemplateSortKey } from './templateSort';

/** What a registry's filter left of its templates, for the registry's row. */
export interface ListingCounts {
  total: number;
  shown: number;
  /** Templates the filter could not judge: their details are not loaded. */
  unchecked: number;
}

type ChangeListener = (nodes: TreeNode[] | undefined) => void;
type DetailOf = (node: TemplateNode) => Template | undefined;

/**
 * How the view lays out what the tree model loaded: the filter of each registry, the order of
 * templates, and the pages of long lists (which registries and templates show all their rows).
 * The model's nodes stay as they are.
 */
export class TemplateListing {
  private sortKey: TemplateSortKey = 'name';
  private readonly filters = new Map<string, TemplateFilter>();
  private readonly counts = new Map<string, ListingCounts>();
  private readonly listed = new Map<string, readonly TemplateNode[]>();
  /** Registries and templates whose every row shows, by node id. */
  private readonly showingAll = new Set<string>();
  private readonly listeners = new Set<ChangeListener>();
  private messages = 0;

  constructor(private readonly now: () => number = Date.now) {}

  onDidChange(listener: ChangeListener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  get sort(): TemplateSortKey {
    return this.sortKey;
  }

  setSort(key: TemplateSortKey): void {
    if (key !== this.sortKey) {
      this.sortKey = key;
      this.emit(undefined);
    }
  }

  filterOf(registry: RegistryNode): TemplateFilter | undefined {
    return this.filters.get(registry.id);
  }

  /** Sets a registry's filter; an empty one clears it. */
  setFilter(registry: RegistryNode, filter: TemplateFilter | undefined): void {
    if (isEmptyFilter(filter)) {
      this.clearFilter(registry);
      return;
    }
    this.filters.set(registry.id, { ...filter });
    this.counts.delete(registry.id);
    this.emit([registry]);
  }

  clearFilter(registry: RegistryNode): void {
    if (this.filters.delete(registry.id)) {
      this.counts.delete(registry.id);
      this.emit([registry]);
    }
  }

  /**
   * What the registry's filter leaves, while one is set: from its last layout, or counted now
   * over the templates last listed when the filter changed since (given `detailOf`).
   */
  countsOf(registry: RegistryNode, detailOf?: DetailOf): ListingCounts | undefined {
    const filter = this.filterOf(registry);
    if (!filter) {
      return undefined;
    }
    const listed = this.listed.get(registry.id);
    if (!this.counts.has(registry.id) && listed && detailOf) {
      this.filterTemplates(registry, filter, listed, detailOf);
    }
    return this.counts.get(registry.id);
  }

  /** Every template of the registry's last layout, before the filter: for its tooltip. */
  templatesOf(registry: RegistryNode): readonly TemplateNode[] | undefined {
    return this.listed.get(registry.id);
  }

  /** Whether loading a template's details can move it in (or out of) the registry's list. */
  dependsOnDetails(registry: RegistryNode): boolean {
    return sortNeedsDetails(this.sortKey) || filterNeedsDetails(this.filterOf(registry));
  }

  /**
   * The changed nodes to announce to the view, with the registries whose layout they move: a
   * template whose details arrived may now pass the filter or sort elsewhere.
   */
  withLayoutChanges(nodes: TreeNode[] | undefined): TreeNode[] | undefined {
    if (nodes === undefined) {
      return undefined;
    }
    const moved = new Set<RegistryNode>();
    for (const node of nodes) {
      if (node.kind === 'template' && this.dependsOnDetails(node.registry)) {
        moved.add(node.registry);
      }
    }
    if (moved.size === 0) {
      return nodes;
    }
    const others = nodes.filter((node) => node.kind !== 'template' || !moved.has(node.registry));
    return [...others.filter((node) => !moved.has(node as RegistryNode)), ...moved];
  }

  /** Lays the registry out again, after details arrived that the model did not announce. */
  relayout(registry: RegistryNode): void {
    this.emit([registry]);
  }

  /** Lists every template of a registry, or every tag of a template, instead of a page. */
  showAll(parent: RegistryNode | TemplateNode): void {
    if (!this.showingAll.has(parent.id)) {
      this.showingAll.add(parent.id);
      this.emit([parent]);
    }
  }

  /** The registry's children as the view shows them: filtered, sorted, then paged. */
  arrangeTemplates(
    registry: RegistryNode,
    children: readonly TreeNode[],
    detailOf: DetailOf,
  ): TreeNode[] {
    if (children.length === 0 || !children.every(isTemplate)) {
      this.counts.delete(registry.id);
      this.listed.delete(registry.id);
      return [...children];
    }
    this.listed.set(registry.id, children);
    const filter = this.filterOf(registry);
    const kept = filter ? this.filterTemplates(registry, filter, children, detailOf) : children;
    const unchecked = this.counts.get(registry.id)?.unchecked ?? 0;
    const sorted = sortTemplates(kept, this.sortKey, detailOf);
    const rows: TreeNode[] = page(
      registry, sorted, this.showingAll.has(registry.id), TEMPLATE_PAGE_SIZE,
    );
    if (filter && sorted.length === 0) {
      const text = l10n.t({
        message: 'No template matches {0}',
        args: [describeFilter(filter)],
        comment: ['{0} describes the filter, such as: "xcode", arm64, not pulled for 90 days'],
      });
      rows.push(this.message(registry, text));
    }
    if (filter && unchecked > 0) {
      rows.push(this.message(registry, uncheckedText(unchecked)));
    }
    return rows;
  }

  /** A template's children as the view shows them: the newest tags, then "Show all N tags". */
  arrangeTags(template: TemplateNode, children: readonly TreeNode[]): TreeNode[] {
    return pageTagChildren(template, children, this.showingAll.has(template.id));
  }

  /** The templates that pass the filter; records the registry's counts. */
  private filterTemplates(
    registry: RegistryNode,
    filter: TemplateFilter,
    templates: readonly TemplateNode[],
    detailOf: DetailOf,
  ): TemplateNode[] {
    const now = this.now();
    let unchecked = 0;
    const kept = templates.filter((node) => {
      const verdict = matchesFilter(filter, node.summary, detailOf(node), now);
      if (verdict === undefined) {
        unchecked++;
      }
      return verdict === true;
    });
    this.counts.set(registry.id, { total: templates.length, shown: kept.length, unchecked });
    return kept;
  }

  private message(registry: RegistryNode, text: string): MessageNode {
    // A fresh id each time: VS Code rejects a new element under an id it still has registered.
    return { kind: 'message', id: `${registry.id}/listing#${++this.messages}`, text };
  }

  private emit(nodes: TreeNode[] | undefined): void {
    this.listeners.forEach((listener) => listener(nodes));
  }
}

function uncheckedText(unchecked: number): string {
  if (unchecked === 1) {
    return l10n.t('1 template not checked: its details are not loaded');
  }
  return l10n.t({
    message: '{0} not checked: their details are not loaded',
    args: [formatCount(unchecked)],
    comment: ['{0} is a number of templates'],
  });
}

function isTemplate(node: TreeNode): node is TemplateNode {
  return node.kind === 'template';
}
