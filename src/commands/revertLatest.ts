import * as l10n from '@vscode/l10n';
import type { ManageContext } from './manageContext';
import { confirmAndRevert } from './revertChanges';
import { templateTargets } from './targets';

/** Removes the newest tag of each template it runs on; a template's only tag takes it along. */
export async function revertLatest(context: ManageContext, ...args: unknown[]): Promise<void> {
  const title = l10n.t('Revert Latest Tag');
  const templates = await templateTargets(context, args, title);
  if (templates.length === 0) {
    return;
  }
  const targets = templates.map((node) => ({
    registry: node.registry,
    templateId: node.summary.id,
    templateName: node.summary.name,
    fromVersion: 'newest' as const,
  }));
  await confirmAndRevert(context, targets, title);
}
