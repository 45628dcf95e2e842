import type { ManageContext } from './manageContext';
import { confirmAndRevert } from './revertChanges';
import { revertTargets } from './revertPlan';
import { tagTargets } from './targets';

const TITLE = 'Revert Tag';

/**
 * Reverts a tag: the registry removes that version and every newer one; reverting the first
 * version removes the template. On several selected tags, one revert per template, from the
 * oldest selected tag.
 */
export async function revert(context: ManageContext, ...args: unknown[]): Promise<void> {
  const tags = await tagTargets(context, args, TITLE);
  if (tags.length === 0) {
    return;
  }
  await confirmAndRevert(context, revertTargets(tags), TITLE);
}
