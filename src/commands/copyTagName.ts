import * as l10n from '@vscode/l10n';
import type { ManageContext } from './manageContext';
import { tagOfClicked } from './targets';

/** Copies the clicked (or picked) tag's name. */
export async function copyTagName(context: ManageContext, ...args: unknown[]): Promise<void> {
  const tag = await tagOfClicked(context, args[0], l10n.t('Copy Tag Name'));
  if (!tag) {
    return;
  }
  if (tag.version.tag === '') {
    context.ui.info(
      l10n.t('Version {0} of "{1}" has no tag name.', tag.version.number, tag.template.name),
    );
    return;
  }
  const { tag: name } = tag.version;
  await context.ui.copy(name, l10n.t('Copied the tag name "{0}": {0}', name));
}
