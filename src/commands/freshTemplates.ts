import * as l10n from '@vscode/l10n';
import { describeError, type Template } from '../registry';
import type { RegistryNode } from '../tree/nodes';
import type { ManageContext } from './manageContext';

export interface TemplateRef {
  registry: RegistryNode;
  id: string;
}

/**
 * Reads templates by id right before a change, so a confirmation lists what is on the registry
 * now (reads by id are never served from the registry's list cache). Each entry is the template
 * or the error its read ended in.
 */
export async function readTemplates(
  context: ManageContext,
  refs: readonly TemplateRef[],
  title: string,
): Promise<Array<Template | Error>> {
  const progressTitle = refs.length === 1
    ? l10n.t({ message: '{0}: reading the template…', args: [title], comment: '{0}: a command' })
    : l10n.t({
      message: '{0}: reading {1} templates…',
      args: [title, refs.length],
      comment: '{0}: a command',
    });
  return context.ui.progress('view', progressTitle, () =>
    Promise.all(
      refs.map((ref) =>
        context.model
          .getState(ref.registry)
          .client.getTemplate(ref.id)
          .catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))),
      ),
    ),
  );
}

/** Like readTemplates, but every read must succeed: otherwise says why and gives undefined. */
export async function readAllTemplates(
  context: ManageContext,
  refs: readonly TemplateRef[],
  title: string,
): Promise<Template[] | undefined> {
  const results = await readTemplates(context, refs, title);
  const failed = results.find((result): result is Error => result instanceof Error);
  if (failed) {
    context.log.error(describeError(failed));
    context.ui.error(l10n.t('{0}. Nothing was changed.', describeError(failed)));
    return undefined;
  }
  return results as Template[];
}
