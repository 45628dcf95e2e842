import type { Arch, Template } from '../registry';
import { applyChanges, type Change } from './applyChanges';
import { readAllTemplates } from './freshTemplates';
import type { Choice, ManageContext } from './manageContext';
import { templateTargets } from './targets';

const TITLE = 'Set Arch';

const ARCHES: ReadonlyArray<{ arch: Arch; detail: string }> = [
  { arch: 'arm64', detail: 'Apple silicon' },
  { arch: 'amd64', detail: 'Intel' },
];

/** Sets the arch of the templates it runs on, after a quick pick that shows the current one. */
export async function setArch(context: ManageContext, ...args: unknown[]): Promise<void> {
  const nodes = await templateTargets(context, args, TITLE);
  if (nodes.length === 0) {
    return;
  }
  const refs = nodes.map((node) => ({ registry: node.registry, id: node.summary.id }));
  const templates = await readAllTemplates(context, refs, TITLE);
  if (!templates) {
    return;
  }
  const choices = archChoices(templates);
  const arch = await context.ui.pick(choices, pickTitle(templates), placeHolder(templates));
  if (!arch) {
    return;
  }
  const changes: Change[] = [];
  nodes.forEach((node, index) => {
    const template = templates[index];
    if (template && template.arch !== arch) {
      changes.push(archChange(node.registry, template, arch));
    }
  });
  if (changes.length === 0) {
    context.ui.info(
      templates.length === 1
        ? `Template "${templates[0]?.name}" is already ${arch}; nothing was changed.`
        : `All ${templates.length} templates are already ${arch}; nothing was changed.`,
    );
    return;
  }
  await applyChanges(context, TITLE, changes);
}

/** arm64 and amd64, the current value marked (per template count when several are chosen). */
export function archChoices(templates: readonly Template[]): Array<Choice<Arch>> {
  return ARCHES.map(({ arch, detail }) => {
    const current = templates.filter((template) => template.arch === arch).length;
    let description: string | undefined;
    if (current > 0) {
      description = templates.length === 1
        ? 'current'
        : `current for ${current} of ${templates.length}`;
    }
    return { label: arch, description, detail, value: arch };
  });
}

function pickTitle(templates: readonly Template[]): string {
  const [only] = templates;
  return templates.length === 1 && only
    ? `${TITLE} of "${only.name}"`
    : `${TITLE} of ${templates.length} templates`;
}

function placeHolder(templates: readonly Template[]): string {
  const [only] = templates;
  if (templates.length > 1 || !only) {
    return 'Choose the arch for every chosen template';
  }
  return only.arch ? `Now ${only.arch}; choose the new arch` : 'No arch is set; choose one';
}

function archChange(registry: Change['registry'], template: Template, arch: Arch): Change {
  const was = template.arch ? ` (was ${template.arch})` : '';
  return {
    registry,
    templateId: template.id,
    title: `Setting the arch of "${template.name}" to ${arch}`,
    permission: 'set_arch',
    removesTemplate: false,
    doneText: `Set the arch of "${template.name}" on "${registry.entry.name}" to ${arch}${was}.`,
    run: (client) => client.setArch(template.id, arch),
  };
}
