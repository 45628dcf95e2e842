import * as vscode from 'vscode';
import { formatBytes, formatRelativeTime, pluralize } from '../format';
import type { Template } from '../registry';
import type { ErrorNode, MessageNode, RegistryNode, TagNode, TemplateNode } from '../tree/nodes';
import type { Health } from '../tree/registryState';
import { registryTooltip, tagTooltip, templateTooltip } from './tooltips';

/** Turns tree nodes into rows: labels, descriptions, icons and context values for menus. */

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function registryItem(
  node: RegistryNode,
  health: Health,
  expanded: boolean,
): vscode.TreeItem {
  const state = expanded
    ? vscode.TreeItemCollapsibleState.Expanded
    : vscode.TreeItemCollapsibleState.Collapsed;
  const item = new vscode.TreeItem(node.entry.name, state);
  item.id = node.id;
  item.contextValue = 'registry';
  item.tooltip = registryTooltip(node, health);
  const host = hostOf(node.entry.url);
  if (health.state === 'ok') {
    const version = health.status.version ? `v${health.status.version.replace(/^v/, '')}` : '';
    item.description = [host, version].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon('database');
  } else if (health.state === 'failed') {
    item.description = `${host} · unreachable`;
    item.iconPath = new vscode.ThemeIcon(
      'warning',
      new vscode.ThemeColor('list.warningForeground'),
    );
  } else {
    item.description = host;
    item.iconPath = new vscode.ThemeIcon('database');
  }
  item.accessibilityInformation = { label: `Registry ${node.entry.name}, ${item.description}` };
  return item;
}

/** `withTooltip` false leaves the tooltip to the provider's resolveTreeItem, built on hover. */
export function templateItem(
  node: TemplateNode,
  template: Template | undefined,
  withTooltip = true,
): vscode.TreeItem {
  const item = new vscode.TreeItem(node.summary.name, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.contextValue = 'template';
  item.iconPath = new vscode.ThemeIcon('vm');
  const size = formatBytes(template?.size ?? node.summary.size);
  const parts = template
    ? [
        template.arch ?? 'unknown arch',
        size,
        pluralize(template.versions.length, 'tag'),
        lastPushOf(template),
      ]
    : [size];
  item.description = parts.filter((part): part is string => Boolean(part)).join(' · ');
  if (withTooltip) {
    item.tooltip = templateTooltip(node, template);
  }
  item.accessibilityInformation = { label: `Template ${node.summary.name}, ${item.description}` };
  return item;
}

function lastPushOf(template: Template): string | undefined {
  const pushed = template.lastPush ?? template.versions[template.versions.length - 1]?.lastPush;
  return pushed === undefined ? undefined : `pushed ${formatRelativeTime(pushed)}`;
}

export function tagItem(node: TagNode): vscode.TreeItem {
  const { version } = node;
  const label = version.tag === '' ? `(version ${version.number})` : version.tag;
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  const suspended = version.stateFile !== undefined;
  const oldest = node.template.versions.every((other) => other.number >= version.number);
  item.contextValue = [
    'tag',
    node.isNewest ? 'newest' : '',
    oldest ? 'oldest' : '',
    suspended ? 'suspended' : '',
  ]
    .filter(Boolean)
    .join(' ');
  item.command = { command: 'ankaRegistry.showDetails', title: 'Show Details', arguments: [node] };
  item.iconPath = new vscode.ThemeIcon(suspended ? 'debug-pause' : 'tag');
  const parts = [
    `#${version.number}`,
    node.isNewest ? 'newest' : undefined,
    formatBytes(version.size),
    version.lastPush === undefined ? undefined : `pushed ${formatRelativeTime(version.lastPush)}`,
    version.description || undefined,
  ];
  item.description = parts.filter((part): part is string => Boolean(part)).join(' · ');
  item.tooltip = tagTooltip(node.template, version, node.isNewest);
  const state = suspended ? ', with suspended state' : '';
  item.accessibilityInformation = { label: `Tag ${label}, ${item.description}${state}` };
  return item;
}

export function errorItem(node: ErrorNode): vscode.TreeItem {
  const item = new vscode.TreeItem(`Could not load ${node.what}`);
  item.id = node.id;
  // A refused sign-in gets its own token, so that the row offers "Sign In Again".
  const unauthorized = 'kind' in node.error && node.error.kind === 'unauthorized';
  item.contextValue = unauthorized ? 'error unauthorized' : 'error';
  const icon = unauthorized ? 'lock' : 'error';
  item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor('list.errorForeground'));
  const reason = 'reason' in node.error ? String(node.error.reason) : node.error.message;
  item.description = reason;
  item.tooltip = new vscode.MarkdownString(undefined, true);
  item.tooltip.appendText(node.error.message);
  item.tooltip.appendMarkdown(
    unauthorized
      ? '\n\nUse **Sign In Again** to enter credentials, **Retry** to load again, or **Show Log**.'
      : '\n\nUse **Retry** to load again, or **Show Log** for details.',
  );
  item.accessibilityInformation = { label: `Error: could not load ${node.what}. ${reason}` };
  return item;
}

export function messageItem(node: MessageNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.text);
  item.id = node.id;
  item.contextValue = 'message';
  item.iconPath = new vscode.ThemeIcon('info');
  return item;
}
