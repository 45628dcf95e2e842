import * as vscode from 'vscode';
import { formatBytes, formatCount, formatDateTime, formatRelativeTime } from '../format';
import type { Template, TemplateVersion } from '../registry';
import type { Health } from '../tree/registryState';
import type { RegistryNode, TemplateNode } from '../tree/nodes';

/** Markdown tooltips: every figure the row abbreviates, spelled out. */

/** Text from a registry made safe to place into markdown. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (char) => `\\${char}`);
}

const escape = escapeMarkdown;

function exactBytes(bytes: number | undefined): string {
  if (bytes === undefined) {
    return vscode.l10n.t('unknown');
  }
  return vscode.l10n.t({
    message: '{0} ({1} bytes)',
    args: [formatBytes(bytes), formatCount(bytes)],
    comment: ['{0} is a size such as 19.6 GiB, {1} the exact number of bytes'],
  });
}

function when(seconds: number | undefined): string {
  if (seconds === undefined) {
    return vscode.l10n.t('unknown');
  }
  return `${formatDateTime(seconds)} (${formatRelativeTime(seconds)})`;
}

function markdown(lines: string[]): vscode.MarkdownString {
  const text = new vscode.MarkdownString(lines.join('  \n'));
  text.supportThemeIcons = true;
  return text;
}

export function registryTooltip(node: RegistryNode, health: Health): vscode.MarkdownString {
  const lines = [
    `**${escape(node.entry.name)}**`,
    vscode.l10n.t('URL: {0}', escape(node.entry.url)),
  ];
  if (health.state === 'ok') {
    const state = health.status.state ?? vscode.l10n.t('unknown state');
    lines.push(vscode.l10n.t('Registry: {0}', escape(state)));
    const version = health.status.version ?? vscode.l10n.t('unknown');
    lines.push(vscode.l10n.t('Version: {0}', escape(version)));
    lines.push(...diskLines(health));
  } else if (health.state === 'failed') {
    lines.push(`$(error) ${vscode.l10n.t('Not reachable: {0}', escape(health.error.message))}`);
  } else {
    lines.push(vscode.l10n.t('Checking status…'));
  }
  return markdown(lines);
}

function diskLines(health: Extract<Health, { state: 'ok' }>): string[] {
  const disk = health.disk;
  if (disk?.free !== undefined && disk.total !== undefined) {
    const percent = disk.total > 0 ? Math.round(((disk.total - disk.free) / disk.total) * 100) : 0;
    return [vscode.l10n.t({
      message: 'Disk: {0} free of {1} ({2}% used)',
      args: [formatBytes(disk.free), formatBytes(disk.total), percent],
      comment: ['{0} and {1} are sizes such as 1.2 TiB, {2} a whole number'],
    })];
  }
  if (health.diskError) {
    return [vscode.l10n.t('Disk: could not be read ({0})', escape(health.diskError.message))];
  }
  return [];
}

export function templateTooltip(
  node: TemplateNode,
  template: Template | undefined,
): vscode.MarkdownString {
  const lines = [
    `**${escape(node.summary.name)}**`,
    vscode.l10n.t('ID: {0}', `\`${node.summary.id}\``),
  ];
  const size = template?.size ?? node.summary.size;
  lines.push(vscode.l10n.t('Stored size: {0}', exactBytes(size)));
  if (template) {
    const newest = template.versions[template.versions.length - 1];
    lines.push(vscode.l10n.t('Arch: {0}', escape(template.arch ?? vscode.l10n.t('unknown'))));
    lines.push(tagsLine(template.versions.length, newest?.tag));
    lines.push(vscode.l10n.t('Last push: {0}', when(template.lastPush ?? newest?.lastPush)));
    lines.push(vscode.l10n.t('Last pull: {0}', when(template.lastPull)));
  } else {
    lines.push(vscode.l10n.t('Expand to load the tags.'));
  }
  return markdown(lines);
}

function tagsLine(count: number, newest: string | undefined): string {
  if (newest === undefined) {
    return vscode.l10n.t('Tags: {0}', count);
  }
  return vscode.l10n.t({
    message: 'Tags: {0} (newest: {1})',
    args: [count, escape(newest)],
    comment: ['{0} is a number of tags, {1} the name of the newest'],
  });
}

export function tagTooltip(template: Template, version: TemplateVersion, isNewest: boolean) {
  const name = `**${escape(version.tag || vscode.l10n.t('(no tag name)'))}**`;
  const files = version.images.length;
  const lines = [
    isNewest ? vscode.l10n.t('{0} (newest)', name) : name,
    vscode.l10n.t('Template: {0}', escape(template.name)),
    vscode.l10n.t('Version: {0}', version.number),
    vscode.l10n.t({
      message: 'Size: {0}, including layers shared with other tags',
      args: [exactBytes(version.size)],
      comment: ['{0} is a size such as 19.6 GiB (21,045,538,816 bytes)'],
    }),
    files === 1 ? vscode.l10n.t('Layers: 1 file') : vscode.l10n.t('Layers: {0} files', files),
    vscode.l10n.t('Created: {0}', when(version.creationDate)),
    vscode.l10n.t('Last push: {0}', when(version.lastPush)),
    vscode.l10n.t('Last pull: {0}', when(version.lastPull)),
  ];
  if (version.stateFile) {
    lines.push(`$(debug-pause) ${vscode.l10n.t('Stores a suspended VM state')}`);
  }
  if (version.description) {
    lines.push('', escape(version.description));
  }
  return markdown(lines);
}
