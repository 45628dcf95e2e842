import * as vscode from 'vscode';
import { tagLabel } from '../details/versions';
import { formatBytes, formatRelativeTime } from '../format';
import type { Template } from '../registry';
import { rememberTexts } from '../rememberTexts';
import type { ErrorNode, MessageNode, RegistryNode, TagNode, TemplateNode } from '../tree/nodes';
import type { Health } from '../tree/registryState';
import {
  errorSpeech, registrySpeech, tagSpeech, templateFigures, templateSpeech,
} from '../tree/rowSpeech';
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
    item.description = vscode.l10n.t({
      message: '{0} · unreachable',
      args: [host],
      comment: ['{0} is the registry host and port'],
    });
    item.iconPath = new vscode.ThemeIcon(
      'warning',
      new vscode.ThemeColor('list.warningForeground'),
    );
  } else {
    item.description = host;
    item.iconPath = new vscode.ThemeIcon('database');
  }
  item.accessibilityInformation = { label: registrySpeech(node, health) };
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
  const figures = templateFigures(node, template);
  const parts = template
    ? [
        template.arch ?? vscode.l10n.t('unknown arch'),
        figures.size,
        tagCount(template.versions.length),
        figures.pushedAgo === undefined ? undefined : pushedPhrase(figures.pushedAgo),
      ]
    : [figures.size];
  item.description = parts.filter((part): part is string => Boolean(part)).join(' · ');
  if (withTooltip) {
    item.tooltip = templateTooltip(node, template);
  }
  item.accessibilityInformation = { label: templateSpeech(node, template, figures) };
  return item;
}

const tagCount = rememberTexts((count: number) =>
  count === 1 ? vscode.l10n.t('1 tag') : vscode.l10n.t('{0} tags', count),
);

function newestText(): string {
  return vscode.l10n.t({ message: 'newest', comment: ['Marks the newest tag of a template'] });
}

function pushedText(unixSeconds: number): string {
  return pushedPhrase(formatRelativeTime(unixSeconds));
}

const pushedPhrase = rememberTexts((ago: string) =>
  vscode.l10n.t({
    message: 'pushed {0}',
    args: [ago],
    comment: ['{0} is a relative time such as "3 days ago"'],
  }),
);

export function tagItem(node: TagNode): vscode.TreeItem {
  const { version } = node;
  const label = tagLabel(version);
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
  item.command = {
    command: 'ankaRegistry.showDetails',
    title: vscode.l10n.t('Show Details'),
    arguments: [node],
  };
  item.iconPath = new vscode.ThemeIcon(suspended ? 'debug-pause' : 'tag');
  const parts = [
    `#${version.number}`,
    node.isNewest ? newestText() : undefined,
    formatBytes(version.size),
    version.lastPush === undefined ? undefined : pushedText(version.lastPush),
    version.description || undefined,
  ];
  item.description = parts.filter((part): part is string => Boolean(part)).join(' · ');
  item.tooltip = tagTooltip(node.template, version, node.isNewest);
  item.accessibilityInformation = { label: tagSpeech(node) };
  return item;
}

export function errorItem(node: ErrorNode): vscode.TreeItem {
  const item = new vscode.TreeItem(couldNotLoad(node.what));
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
  const [signIn, retry, showLog] = [
    vscode.l10n.t('Sign In Again'),
    vscode.l10n.t('Retry'),
    vscode.l10n.t('Show Log'),
  ];
  const advice = unauthorized
    ? vscode.l10n.t({
      message: 'Use **{0}** to enter credentials, **{1}** to load again, or **{2}**.',
      args: [signIn, retry, showLog],
      comment: ['Markdown. {0}, {1} and {2} are the commands "Sign In Again", "Retry", "Show Log"'],
    })
    : vscode.l10n.t({
      message: 'Use **{0}** to load again, or **{1}** for details.',
      args: [retry, showLog],
      comment: ['Markdown. {0} and {1} are the commands "Retry" and "Show Log"'],
    });
  item.tooltip.appendMarkdown(`\n\n${advice}`);
  item.accessibilityInformation = { label: errorSpeech(node) };
  return item;
}

/** The error row's label: what could not be loaded ("templates", "tags"). */
function couldNotLoad(what: string): string {
  switch (what) {
    case 'templates':
      return vscode.l10n.t('Could not load templates');
    case 'tags':
      return vscode.l10n.t('Could not load tags');
    default:
      return vscode.l10n.t('Could not load {0}', what);
  }
}

export function messageItem(node: MessageNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.text);
  item.id = node.id;
  item.contextValue = 'message';
  item.iconPath = new vscode.ThemeIcon('info');
  return item;
}
