import * as l10n from '@vscode/l10n';
import { describeError, type Template } from '../registry';
import type { TemplateNode } from '../tree/nodes';
import { applyChanges, type Change } from './applyChanges';
import { deleteConfirmation, describeContents, type DeleteItem } from './confirmations';
import { readTemplates } from './freshTemplates';
import type { ManageContext } from './manageContext';
import { templateTargets } from './targets';

const LOG_TITLE = 'Delete Template';

/** Deletes templates with every tag, after a modal naming each with its tags and size. */
export async function deleteTemplate(context: ManageContext, ...args: unknown[]): Promise<void> {
  const title = l10n.t('Delete Template');
  const nodes = await templateTargets(context, args, title);
  if (nodes.length === 0) {
    return;
  }
  const refs = nodes.map((node) => ({ registry: node.registry, id: node.summary.id }));
  const read = await readTemplates(context, refs, title);
  // A template whose details cannot be read may be the broken one the user wants gone.
  const items = nodes.map((node, index) => deleteItem(node, read[index]));
  if (!(await context.ui.confirm(deleteConfirmation(items)))) {
    context.log.info(`${LOG_TITLE}: cancelled at the confirmation; nothing was changed`);
    return;
  }
  await applyChanges(context, title, items.map(deleteChange));
}

function deleteItem(node: TemplateNode, read: Template | Error | undefined): DeleteItem {
  if (read && !(read instanceof Error)) {
    return { registry: node.registry, template: read };
  }
  const reason = read ? describeError(read) : l10n.t('not read');
  return {
    registry: node.registry,
    template: {
      id: node.summary.id,
      name: node.summary.name,
      size: node.summary.size,
      arch: undefined,
      lastPull: undefined,
      lastPush: undefined,
      versions: [],
      raw: node.summary.raw,
    },
    unreadable: reason,
  };
}

function deleteChange(item: DeleteItem): Change {
  const { registry, template } = item;
  const from = registry.entry.name;
  const doneText = item.unreadable === undefined
    ? l10n.t({
      message: 'Deleted template "{0}" with {1} from "{2}".',
      args: [template.name, describeContents(template), from],
      comment: '{1} is the contents, such as: 3 tags (java17, ssh, suspended), 26.3 GiB stored',
    })
    : l10n.t('Deleted template "{0}" from "{1}".', template.name, from);
  return {
    registry,
    templateId: template.id,
    title: l10n.t('Deleting template "{0}"', template.name),
    logTitle: `Deleting template "${template.name}"`,
    permission: 'delete_revert',
    removesTemplate: true,
    doneText,
    run: (client) => client.deleteTemplate(template.id),
  };
}
