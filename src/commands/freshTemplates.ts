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
  const what = refs.length === 1 ? 'reading the template' : `reading ${refs.length} templates`;
  return context.ui.progress('view', `${title}: ${what}…`, () =>
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
    context.ui.error(`${describeError(failed)}. Nothing was changed.`);
    return undefined;
  }
  return results as Template[];
}
