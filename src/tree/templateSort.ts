import * as l10n from '@vscode/l10n';
import type { Template } from '../registry/models';
import type { TemplateNode } from './nodes';
import { lastPullOf, lastPushOf } from './templateDates';

/** The orders the Registries view offers for templates (setting `ankaRegistry.sortTemplatesBy`). */
export type TemplateSortKey = 'name' | 'size' | 'lastPush' | 'lastPull';

export const SORT_KEYS: readonly TemplateSortKey[] = ['name', 'size', 'lastPush', 'lastPull'];

/** Read when shown, so that they come in the display language. */
export const SORT_LABELS: Readonly<Record<TemplateSortKey, string>> = {
  get name() {
    return l10n.t('Name');
  },
  get size() {
    return l10n.t('Size (largest first)');
  },
  get lastPush() {
    return l10n.t('Last push (newest first)');
  },
  get lastPull() {
    return l10n.t('Last pull (longest unpulled first)');
  },
};

export function isSortKey(value: unknown): value is TemplateSortKey {
  return typeof value === 'string' && (SORT_KEYS as readonly string[]).includes(value);
}

/** Whether the order needs template details, which big registries do not load up front. */
export function sortNeedsDetails(key: TemplateSortKey): boolean {
  return key === 'lastPush' || key === 'lastPull';
}

type Read = (node: TemplateNode) => Template | undefined;

/**
 * Orders template nodes that arrive in name order. Templates whose figure is not known (details
 * not loaded, no date) follow the others, still in name order: the sort is stable.
 */
export function sortTemplates(
  nodes: readonly TemplateNode[],
  key: TemplateSortKey,
  detailOf: Read,
): TemplateNode[] {
  if (key === 'name') {
    return [...nodes];
  }
  const value = VALUE_OF[key];
  // Largest or newest first, except last pull: the longest unpulled come first, for clean-up.
  const direction = key === 'lastPull' ? 1 : -1;
  const known: Array<{ node: TemplateNode; value: number; index: number }> = [];
  const unknown: TemplateNode[] = [];
  nodes.forEach((node, index) => {
    const figure = value(node, detailOf(node));
    if (figure === undefined) {
      unknown.push(node);
    } else {
      known.push({ node, value: figure, index });
    }
  });
  known.sort((a, b) => direction * (a.value - b.value) || a.index - b.index);
  return [...known.map((entry) => entry.node), ...unknown];
}

const VALUE_OF: Record<Exclude<TemplateSortKey, 'name'>, (
  node: TemplateNode,
  template: Template | undefined,
) => number | undefined> = {
  size: (node, template) => template?.size ?? node.summary.size,
  lastPush: (_node, template) => (template ? lastPushOf(template) : undefined),
  lastPull: (_node, template) => (template ? lastPullOf(template) : undefined),
};
