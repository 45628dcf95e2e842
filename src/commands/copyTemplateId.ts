import * as l10n from '@vscode/l10n';
import type { ManageContext } from './manageContext';
import { templateOfClicked } from './targets';

/** Copies the clicked (or picked) template's id: one id, also when several rows are selected. */
export async function copyTemplateId(context: ManageContext, ...args: unknown[]): Promise<void> {
  const template = await templateOfClicked(context, args[0], l10n.t('Copy Template ID'));
  if (template) {
    const { id, name } = template.summary;
    await context.ui.copy(id, l10n.t('Copied the ID of template "{0}": {1}', name, id));
  }
}
