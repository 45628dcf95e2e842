import * as l10n from '@vscode/l10n';
import { formatBytes, formatRelativeTime } from '../format';
import { rememberTexts } from '../rememberTexts';
import type { Template } from '../registry/models';
import type { ErrorNode, RegistryNode, TagNode, TemplateNode } from './nodes';
import type { Health } from './registryState';

/**
 * What a screen reader says for each row of the tree: the kind of row and its name first, then
 * in words what the row shows with separators, icons and colours (state, size, arch, dates).
 */

export function registrySpeech(node: RegistryNode, health: Health): string {
  const parts = [l10n.t('Registry {0}', node.entry.name), hostOf(node.entry.url)];
  if (health.state === 'ok') {
    // The build suffix (1.13.0-24e848a5) is noise when read out.
    const version = health.status.version?.replace(/^v/, '').split('-')[0];
    if (version) {
      parts.push(l10n.t('version {0}', version));
    }
    parts.push(l10n.t('reachable'));
    const { free, total } = health.disk ?? { free: undefined, total: undefined };
    if (free !== undefined && total !== undefined) {
      parts.push(l10n.t('{0} free of {1}', formatBytes(free), formatBytes(total)));
    }
  } else if (health.state === 'failed') {
    parts.push(l10n.t('unreachable: {0}', reasonOf(health.error)));
  } else {
    parts.push(l10n.t('checking'));
  }
  return sentence(parts);
}

/** What the template's row already shows as text, so that a row formats each figure once. */
export interface TemplateFigures {
  /** The formatted size. */
  size: string;
  /** The last push as a relative time, "3 days ago". */
  pushedAgo?: string;
}

/** `template` undefined: only the list's name and size are known so far. */
export function templateSpeech(
  node: TemplateNode,
  template: Template | undefined,
  figures: TemplateFigures = templateFigures(node, template),
): string {
  const name = l10n.t('Template {0}', node.summary.name);
  if (!template) {
    return sentence([name, figures.size, l10n.t('details not loaded yet')]);
  }
  const parts = [name, archWords(template.arch), figures.size, tagCount(template.versions.length)];
  if (figures.pushedAgo !== undefined) {
    parts.push(lastPushed(figures.pushedAgo));
  }
  return sentence(parts);
}

/** The size and the relative time of the last push a template's row shows. */
export function templateFigures(
  node: TemplateNode,
  template: Template | undefined,
): TemplateFigures {
  const size = formatBytes(template?.size ?? node.summary.size);
  const pushed = template?.lastPush ?? template?.versions[template.versions.length - 1]?.lastPush;
  return { size, pushedAgo: pushed === undefined ? undefined : formatRelativeTime(pushed) };
}

export function tagSpeech(node: TagNode): string {
  const { version, template } = node;
  const name = version.tag === ''
    ? l10n.t('Untagged version {0}', version.number)
    : l10n.t('Tag {0}', version.tag);
  const parts = [name, l10n.t('version {0} of {1}', version.number, template.name)];
  if (node.isNewest) {
    parts.push(l10n.t('newest'));
  }
  parts.push(formatBytes(version.size), archWords(template.arch));
  if (version.lastPush !== undefined) {
    parts.push(l10n.t('pushed {0}', formatRelativeTime(version.lastPush)));
  }
  if (version.stateFile !== undefined) {
    parts.push(l10n.t('with a suspended VM state'));
  }
  if (version.description) {
    parts.push(l10n.t('description: {0}', version.description));
  }
  return sentence(parts);
}

export function errorSpeech(node: ErrorNode): string {
  const failure = node.parent.kind === 'registry'
    ? l10n.t('Error: could not load the templates of {0}', node.parent.entry.name)
    : l10n.t('Error: could not load the tags of {0}', node.parent.summary.name);
  const unauthorized = 'kind' in node.error && node.error.kind === 'unauthorized';
  const actions = unauthorized
    ? l10n.t('Sign In Again, Retry and Show Log are in the context menu')
    : l10n.t('Retry and Show Log are in the context menu');
  return sentence([failure, reasonOf(node.error), actions]);
}

const lastPushed = rememberTexts((ago: string) => l10n.t('last pushed {0}', ago));

const archWords = rememberTexts((arch: string | undefined) =>
  arch ? l10n.t('arch {0}', arch) : l10n.t('arch unknown'),
);

const tagCount = rememberTexts((count: number) =>
  count === 1 ? l10n.t('1 tag') : l10n.t('{0} tags', count),
);

function reasonOf(error: Error): string {
  const reason = 'reason' in error ? error.reason : undefined;
  return typeof reason === 'string' && reason !== '' ? reason : error.message;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Parts joined with commas; a screen reader pauses there instead of reading out "dot". */
function sentence(parts: string[]): string {
  return parts.filter((part) => part !== '').join(', ');
}
