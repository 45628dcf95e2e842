import * as vscode from 'vscode';
import { formatBytes, formatDateTime, formatRelativeTime, pluralize } from '../format';
import type { Template, TemplateVersion } from '../registry';
import type { Health } from '../tree/registryState';
import type { RegistryNode, TemplateNode } from '../tree/nodes';

/** Markdown tooltips: every figure the row abbreviates, spelled out. */

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (char) => `\\${char}`);
}

function exactBytes(bytes: number | undefined): string {
  if (bytes === undefined) {
    return 'unknown';
  }
  return `${formatBytes(bytes)} (${bytes.toLocaleString('en-US')} bytes)`;
}

function when(seconds: number | undefined): string {
  if (seconds === undefined) {
    return 'unknown';
  }
  return `${formatDateTime(seconds)} (${formatRelativeTime(seconds)})`;
}

function markdown(lines: string[]): vscode.MarkdownString {
  const text = new vscode.MarkdownString(lines.join('  \n'));
  text.supportThemeIcons = true;
  return text;
}

export function registryTooltip(node: RegistryNode, health: Health): vscode.MarkdownString {
  const lines = [`**${escape(node.entry.name)}**`, `URL: ${escape(node.entry.url)}`];
  if (health.state === 'ok') {
    lines.push(`Registry: ${escape(health.status.state ?? 'unknown state')}`);
    lines.push(`Version: ${escape(health.status.version ?? 'unknown')}`);
    const disk = health.disk;
    if (disk?.free !== undefined && disk.total !== undefined) {
      const percent =
        disk.total > 0 ? Math.round(((disk.total - disk.free) / disk.total) * 100) : 0;
      lines.push(
        `Disk: ${formatBytes(disk.free)} free of ${formatBytes(disk.total)} (${percent}% used)`,
      );
    } else if (health.diskError) {
      lines.push(`Disk: could not be read (${escape(health.diskError.message)})`);
    }
  } else if (health.state === 'failed') {
    lines.push(`$(error) Not reachable: ${escape(health.error.message)}`);
  } else {
    lines.push('Checking status…');
  }
  return markdown(lines);
}

export function templateTooltip(
  node: TemplateNode,
  template: Template | undefined,
): vscode.MarkdownString {
  const lines = [`**${escape(node.summary.name)}**`, `ID: \`${node.summary.id}\``];
  const size = template?.size ?? node.summary.size;
  lines.push(`Stored size: ${exactBytes(size)}`);
  if (template) {
    const newest = template.versions[template.versions.length - 1];
    lines.push(`Arch: ${escape(template.arch ?? 'unknown')}`);
    lines.push(
      `Tags: ${template.versions.length}${newest ? ` (newest: ${escape(newest.tag)})` : ''}`,
    );
    lines.push(`Last push: ${when(template.lastPush ?? newest?.lastPush)}`);
    lines.push(`Last pull: ${when(template.lastPull)}`);
  } else {
    lines.push('Expand to load the tags.');
  }
  return markdown(lines);
}

export function tagTooltip(template: Template, version: TemplateVersion, isNewest: boolean) {
  const lines = [
    `**${escape(version.tag || '(no tag name)')}**${isNewest ? ' (newest)' : ''}`,
    `Template: ${escape(template.name)}`,
    `Version: ${version.number}`,
    `Size: ${exactBytes(version.size)}, including layers shared with other tags`,
    `Layers: ${pluralize(version.images.length, 'file')}`,
    `Created: ${when(version.creationDate)}`,
    `Last push: ${when(version.lastPush)}`,
    `Last pull: ${when(version.lastPull)}`,
  ];
  if (version.stateFile) {
    lines.push('$(debug-pause) Stores a suspended VM state');
  }
  if (version.description) {
    lines.push('', escape(version.description));
  }
  return markdown(lines);
}
