import type { ManageContext } from './manageContext';
import { tagOfClicked } from './targets';

/** Copies the clicked (or picked) tag's name. */
export async function copyTagName(context: ManageContext, ...args: unknown[]): Promise<void> {
  const tag = await tagOfClicked(context, args[0], 'Copy Tag Name');
  if (!tag) {
    return;
  }
  if (tag.version.tag === '') {
    context.ui.info(`Version ${tag.version.number} of "${tag.template.name}" has no tag name.`);
    return;
  }
  await context.ui.copy(tag.version.tag, `the tag name "${tag.version.tag}"`);
}
