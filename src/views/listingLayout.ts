import * as vscode from 'vscode';
import type { Template } from '../registry/models';
import type { RegistryNode, TemplateNode, TreeNode } from '../tree/nodes';
import { computeOverview } from '../tree/registryOverview';
import type { RegistryTreeModel } from '../tree/registryTreeModel';
import { describeFilter } from '../tree/templateFilter';
import type { TemplateListing } from '../tree/templateListing';
import { appendInsight, decorateFilteredRegistry } from './listingItems';
import { escapeMarkdown, registryTooltip } from './tooltips';

type Fire = (nodes: TreeNode[] | undefined) => void;

/**
 * Lays the model's children out as the listing says (filter, order, tag pages) and keeps each
 * registry's row in step with what its filter leaves.
 */
export class ListingLayout implements vscode.Disposable {
  /** The counts each registry row shows, to notice when a layout changed them. */
  private readonly shownCounts = new Map<string, string>();
  private readonly subscription: { dispose(): void };
  private disposed = false;
  private readonly detailOf: (node: TemplateNode) => Template | undefined;

  constructor(
    private readonly model: RegistryTreeModel,
    readonly listing: TemplateListing,
    private readonly fire: Fire,
  ) {
    this.subscription = listing.onDidChange(fire);
    this.detailOf = (node) => model.getLoadedTemplate(node);
  }

  async children(node?: TreeNode): Promise<TreeNode[]> {
    const children = await this.model.getChildren(node);
    if (node?.kind === 'registry') {
      const arranged = this.listing.arrangeTemplates(node, children, this.detailOf);
      this.updateRowLater(node);
      return arranged;
    }
    if (node?.kind === 'template') {
      return this.listing.arrangeTags(node, children);
    }
    return children;
  }

  /** Adds the filter to the registry's row; its tooltip waits for registryTooltip(). */
  decorateRegistry(node: RegistryNode, item: vscode.TreeItem): vscode.TreeItem {
    const counts = this.listing.countsOf(node, this.detailOf);
    decorateFilteredRegistry(item, this.listing.filterOf(node), counts);
    this.shownCounts.set(node.id, JSON.stringify(counts ?? null));
    item.tooltip = undefined;
    return item;
  }

  /**
   * The registry's tooltip with its figures, built on hover from what is loaded: the list gives
   * every size, details (prefetched, or read by a filter or the overview) give arch and dates.
   */
  async registryTooltip(node: RegistryNode): Promise<vscode.MarkdownString> {
    const state = this.model.getState(node);
    const tooltip = registryTooltip(node, state.health);
    const filter = this.listing.filterOf(node);
    if (filter) {
      const note = vscode.l10n.t({
        message: 'Filtered: {0} (**{1}** on the row shows every template)',
        args: [escapeMarkdown(describeFilter(filter)), vscode.l10n.t('Clear Filter')],
        comment: ['Markdown. {0} describes the filter, {1} is the command "Clear Filter"'],
      });
      tooltip.appendMarkdown(`\n\n$(filter) ${note}`);
    }
    const summaries = await state.templates?.catch(() => undefined);
    if (summaries) {
      const health = state.health;
      appendInsight(tooltip, computeOverview({
        summaries: state.recent.visible(summaries),
        detailOf: (id) => state.loadedDetails.get(id),
        disk: health.state === 'ok' ? health.disk : undefined,
        nowMillis: Date.now(),
      }));
    }
    return tooltip;
  }

  /** The row shows "12 of 10,000": announce it again once a layout changed those counts. */
  private updateRowLater(node: RegistryNode): void {
    const now = JSON.stringify(this.listing.countsOf(node) ?? null);
    if (this.shownCounts.get(node.id) === now) {
      return;
    }
    this.shownCounts.set(node.id, now);
    // After VS Code took the children: announcing the row while they load fetches them twice.
    setTimeout(() => {
      if (!this.disposed) {
        this.fire([node]);
      }
    }, 0);
  }

  dispose(): void {
    this.disposed = true;
    this.subscription.dispose();
  }
}
