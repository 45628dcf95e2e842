import type { ManageContext } from './manageContext';
import { templateOfClicked } from './targets';

/** Copies the clicked (or picked) template's id: one id, also when several rows are selected. */
export async function copyTemplateId(context: ManageContext, ...args: unknown[]): Promise<void> {
  const template = await templateOfClicked(context, args[0], 'Copy Template ID');
  if (template) {
    await context.ui.copy(template.summary.id, `the ID of template "${template.summary.name}"`);
  }
}
