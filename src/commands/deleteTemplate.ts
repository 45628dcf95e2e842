import { describeError, type Template } from '../registry';
import type { TemplateNode } from '../tree/nodes';
import { applyChanges, type Change } from './applyChanges';
import { deleteConfirmation, describeContents, type DeleteItem } from './confirmations';
import { readTemplates } from './freshTemplates';
import type { ManageContext } from './manageContext';
import { templateTargets } from './targets';

const TITLE = 'Delete Template';

/** Deletes templates with every tag, after a modal naming each with its tags and size. */
export async function deleteTemplate(context: ManageContext, ...args: unknown[]): Promise<void> {
  const nodes = await templateTargets(context, args, TITLE);
  if (nodes.length === 0) {
    return;
  }
  const refs = nodes.map((node) => ({ registry: node.registry, id: node.summary.id }));
  const read = await readTemplates(context, refs, TITLE);
  // A template whose details cannot be read may be the broken one the user wants gone.
  const items = nodes.map((node, index) => deleteItem(node, read[index]));
  if (!(await context.ui.confirm(deleteConfirmation(items)))) {
    context.log.info(`${TITLE}: cancelled at the confirmation; nothing was changed`);
    return;
  }
  await applyChanges(context, TITLE, items.map(deleteChange));
}

function deleteItem(node: TemplateNode, read: Template | Error | undefined): DeleteItem {
  if (read && !(read instanceof Error)) {
    return { registry: node.registry, template: read };
  }
  const reason = read ? describeError(read) : 'not read';
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
  const contents = item.unreadable === undefined ? ` with ${describeContents(template)}` : '';
  return {
    registry,
    templateId: template.id,
    title: `Deleting template "${template.name}"`,
    permission: 'delete_revert',
    removesTemplate: true,
    doneText: `Deleted template "${template.name}"${contents} from "${registry.entry.name}".`,
    run: (client) => client.deleteTemplate(template.id),
  };
}
