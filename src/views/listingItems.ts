import * as vscode from 'vscode';
import { formatBytes } from '../format';
import type { MoreNode } from '../tree/nodes';
import type { RegistryOverview } from '../tree/registryOverview';
import { describeFilter, type TemplateFilter } from '../tree/templateFilter';
import type { ListingCounts } from '../tree/templateListing';

/** What filters, paging and the overview add to rows: descriptions, tokens and tooltips. */

function count(value: number): string {
  return value.toLocaleString('en-US');
}

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
    ? `${count(counts.shown)} of ${count(counts.total)} match ${described}`
    : `filter ${described}`;
  // First: a narrow side bar cuts the end of a description off.
  item.description = [text, item.description].filter(Boolean).join(' · ');
  item.contextValue = `${item.contextValue ?? 'registry'} filtered`;
  const label = item.accessibilityInformation?.label ?? '';
  item.accessibilityInformation = { label: `${label}, ${text}` };
}

/** "Show all 200 tags" under a long template, "Show all 10,000 templates" under a registry. */
export function moreItem(node: MoreNode): vscode.TreeItem {
  const tags = node.parent.kind === 'template';
  const rows = `${count(node.total)} ${tags ? 'tags' : 'templates'}`;
  const item = new vscode.TreeItem(`Show all ${rows}`);
  item.id = node.id;
  item.contextValue = 'more';
  item.iconPath = new vscode.ThemeIcon('ellipsis');
  item.description = `the ${tags ? 'newest' : 'first'} ${count(node.shown)} are shown`;
  const name = node.parent.kind === 'template' ? node.parent.summary.name : node.parent.entry.name;
  item.tooltip = tags
    ? `${name} has ${rows}; click to list them all.`
    : `${name} lists ${rows}; click to list them all, or filter them to find one.`;
  item.command = { command: 'ankaRegistry.showAll', title: 'Show All', arguments: [node] };
  item.accessibilityInformation = { label: `Show all ${rows}; ${item.description}` };
  return item;
}

/** Appends the registry's figures to its tooltip: templates, space, staleness, arches. */
export function appendInsight(tooltip: vscode.MarkdownString, overview: RegistryOverview): void {
  const lines: string[] = [];
  const stored = formatBytes(overview.storedBytes);
  lines.push(`Templates: ${count(overview.templates)}, ${stored} stored`);
  const biggest = overview.largest.slice(0, 3);
  if (biggest.length > 0) {
    const names = biggest.map((row) => `${escape(row.name)} (${formatBytes(row.size)})`);
    lines.push(`Largest: ${names.join(', ')}`);
  }
  if (overview.withDetails > 0) {
    for (const group of overview.stale) {
      const templates = `${count(group.count)} template${group.count === 1 ? '' : 's'}`;
      lines.push(`Not pulled for ${group.days} days: ${templates}, ${formatBytes(group.bytes)}`);
    }
    const arches = overview.byArch.map((entry) => `${count(entry.count)} ${entry.arch}`);
    lines.push(`Arch: ${arches.join(', ')}`);
  }
  if (overview.withDetails < overview.templates) {
    const loaded = `${count(overview.withDetails)} of ${count(overview.templates)}`;
    lines.push(`_Arch and dates from the details of ${loaded} templates loaded so far._`);
  }
  lines.push('_**Show Registry Overview** has every figure._');
  tooltip.appendMarkdown(`\n\n${lines.join('  \n')}`);
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (char) => `\\${char}`);
}
