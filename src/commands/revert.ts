import * as l10n from '@vscode/l10n';
import type { ManageContext } from './manageContext';
import { confirmAndRevert } from './revertChanges';
import { revertTargets } from './revertPlan';
import { tagTargets } from './targets';

/**
 * Reverts a tag: the registry removes that version and every newer one; reverting the first
 * version removes the template. On several selected tags, one revert per template, from the
 * oldest selected tag.
 */
export async function revert(context: ManageContext, ...args: unknown[]): Promise<void> {
  const title = l10n.t('Revert Tag');
  const tags = await tagTargets(context, args, title);
  if (tags.length === 0) {
    return;
  }
  await confirmAndRevert(context, revertTargets(tags), title);
}
