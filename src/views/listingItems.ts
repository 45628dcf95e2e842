import * as vscode from 'vscode';
import { formatBytes, formatCount } from '../format';
import type { MoreNode } from '../tree/nodes';
import type { RegistryOverview } from '../tree/registryOverview';
import { describeFilter, type TemplateFilter } from '../tree/templateFilter';
import type { ListingCounts } from '../tree/templateListing';
import { escapeMarkdown } from './tooltips';

/** What filters, paging and the overview add to rows: descriptions, tokens and tooltips. */

/** Shows the registry's filter on its row; the `filtered` token offers "Clear Filter". */
export function decorateFilteredRegistry(
  item: vscode.TreeItem,
  filter: TemplateFilter | undefined,
  counts: ListingCounts | undefined,
): void {
  if (!filter) {
    return;
  }
  const described = describeFilter(filter);
  const text = counts
    ? vscode.l10n.t({
      message: '{0} of {1} match {2}',
      args: [formatCount(counts.shown), formatCount(counts.total), described],
      comment: ['{0} and {1} count templates, {2} describes the filter: "xcode", arm64'],
    })
    : vscode.l10n.t({
      message: 'filter {0}',
      args: [described],
      comment: ['{0} describes the filter: "xcode", arm64, not pulled for 90 days'],
    });
  // First: a narrow side bar cuts the end of a description off.
  item.description = [text, item.description].filter(Boolean).join(' · ');
  item.contextValue = `${item.contextValue ?? 'registry'} filtered`;
  const label = item.accessibilityInformation?.label ?? '';
  item.accessibilityInformation = { label: `${label}, ${text}` };
}

/** "Show all 200 tags" under a long template, "Show all 10,000 templates" under a registry. */
export function moreItem(node: MoreNode): vscode.TreeItem {
  const total = formatCount(node.total);
  const shown = formatCount(node.shown);
  const tags = node.parent.kind === 'template';
  const label = tags
    ? vscode.l10n.t('Show all {0} tags', total)
    : vscode.l10n.t('Show all {0} templates', total);
  const item = new vscode.TreeItem(label);
  item.id = node.id;
  item.contextValue = 'more';
  item.iconPath = new vscode.ThemeIcon('ellipsis');
  item.description = tags
    ? vscode.l10n.t('the newest {0} are shown', shown)
    : vscode.l10n.t('the first {0} are shown', shown);
  item.tooltip = node.parent.kind === 'template'
    ? vscode.l10n.t({
      message: '{0} has {1} tags; click to list them all.',
      args: [node.parent.summary.name, total],
      comment: ['{0} is a template, {1} a number of tags'],
    })
    : vscode.l10n.t({
      message: '{0} lists {1} templates; click to list them all, or filter them to find one.',
      args: [node.parent.entry.name, total],
      comment: ['{0} is a registry, {1} a number of templates'],
    });
  item.command = {
    command: 'ankaRegistry.showAll',
    title: vscode.l10n.t('Show All'),
    arguments: [node],
  };
  item.accessibilityInformation = { label: `${label}; ${item.description}` };
  return item;
}

/** Appends the registry's figures to its tooltip: templates, space, staleness, arches. */
export function appendInsight(tooltip: vscode.MarkdownString, overview: RegistryOverview): void {
  const lines: string[] = [];
  lines.push(vscode.l10n.t({
    message: 'Templates: {0}, {1} stored',
    args: [formatCount(overview.templates), formatBytes(overview.storedBytes)],
    comment: ['{0} is a number of templates, {1} a size such as 3.4 TiB'],
  }));
  const biggest = overview.largest.slice(0, 3);
  if (biggest.length > 0) {
    const names = biggest.map((row) => `${escapeMarkdown(row.name)} (${formatBytes(row.size)})`);
    lines.push(vscode.l10n.t('Largest: {0}', names.join(', ')));
  }
  if (overview.withDetails > 0) {
    for (const group of overview.stale) {
      lines.push(staleLine(group.days, group.count, formatBytes(group.bytes)));
    }
    const arches = overview.byArch.map((entry) => archCount(entry.arch, entry.count));
    lines.push(vscode.l10n.t('Arch: {0}', arches.join(', ')));
  }
  if (overview.withDetails < overview.templates) {
    lines.push(vscode.l10n.t({
      message: '_Arch and dates from the details of {0} of {1} templates loaded so far._',
      args: [formatCount(overview.withDetails), formatCount(overview.templates)],
      comment: ['Markdown, in italics. {0} and {1} are numbers of templates'],
    }));
  }
  lines.push(vscode.l10n.t({
    message: '_**{0}** has every figure._',
    args: [vscode.l10n.t('Show Registry Overview')],
    comment: ['Markdown. {0} is the command "Show Registry Overview"'],
  }));
  tooltip.appendMarkdown(`\n\n${lines.join('  \n')}`);
}

function staleLine(days: number, count: number, size: string): string {
  if (count === 1) {
    return vscode.l10n.t({
      message: 'Not pulled for {0} days: 1 template, {1}',
      args: [days, size],
      comment: ['{0} is a number of days, {1} a size such as 1.2 TiB'],
    });
  }
  return vscode.l10n.t({
    message: 'Not pulled for {0} days: {1} templates, {2}',
    args: [days, formatCount(count), size],
    comment: ['{0} is a number of days, {1} a number of templates, {2} a size such as 1.2 TiB'],
  });
}

/** "800 arm64"; templates whose details name no arch count as "unknown". */
function archCount(arch: string, count: number): string {
  if (arch === 'unknown') {
    return vscode.l10n.t({
      message: '{0} of unknown arch',
      args: [formatCount(count)],
      comment: ['{0} is a number of templates'],
    });
  }
  return `${formatCount(count)} ${escapeMarkdown(arch)}`;
}
