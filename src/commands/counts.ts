import * as l10n from '@vscode/l10n';

/**
 * Counted nouns for messages, one whole message for one and one for many, so that translations
 * need not build plurals from fragments.
 */

export function tagCount(count: number): string {
  return count === 1 ? l10n.t('1 tag') : l10n.t('{0} tags', count);
}

export function templateCount(count: number): string {
  return count === 1 ? l10n.t('1 template') : l10n.t('{0} templates', count);
}

export function moreChangeCount(count: number): string {
  return count === 1 ? l10n.t('1 more change') : l10n.t('{0} more changes', count);
}
