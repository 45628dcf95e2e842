import * as l10n from '@vscode/l10n';
import type { Arch, Template } from '../registry';
import { applyChanges, type Change } from './applyChanges';
import { readAllTemplates } from './freshTemplates';
import type { Choice, ManageContext } from './manageContext';
import { templateTargets } from './targets';

function arches(): ReadonlyArray<{ arch: Arch; detail: string }> {
  return [
    { arch: 'arm64', detail: l10n.t('Apple silicon') },
    { arch: 'amd64', detail: l10n.t('Intel') },
  ];
}

/** Sets the arch of the templates it runs on, after a quick pick that shows the current one. */
export async function setArch(context: ManageContext, ...args: unknown[]): Promise<void> {
  const title = l10n.t('Set Arch');
  const nodes = await templateTargets(context, args, title);
  if (nodes.length === 0) {
    return;
  }
  const refs = nodes.map((node) => ({ registry: node.registry, id: node.summary.id }));
  const templates = await readAllTemplates(context, refs, title);
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
        ? l10n.t(
          'Template "{0}" is already {1}; nothing was changed.', templates[0]?.name ?? '', arch,
        )
        : l10n.t('All {0} templates are already {1}; nothing was changed.', templates.length, arch),
    );
    return;
  }
  await applyChanges(context, title, changes);
}

/** arm64 and amd64, the current value marked (per template count when several are chosen). */
export function archChoices(templates: readonly Template[]): Array<Choice<Arch>> {
  return arches().map(({ arch, detail }) => {
    const current = templates.filter((template) => template.arch === arch).length;
    let description: string | undefined;
    if (current > 0) {
      description = templates.length === 1
        ? l10n.t('current')
        : l10n.t('current for {0} of {1}', current, templates.length);
    }
    return { label: arch, description, detail, value: arch };
  });
}

function pickTitle(templates: readonly Template[]): string {
  const [only] = templates;
  return templates.length === 1 && only
    ? l10n.t('Set Arch of "{0}"', only.name)
    : l10n.t('Set Arch of {0} templates', templates.length);
}

function placeHolder(templates: readonly Template[]): string {
  const [only] = templates;
  if (templates.length > 1 || !only) {
    return l10n.t('Choose the arch for every chosen template');
  }
  return only.arch
    ? l10n.t('Now {0}; choose the new arch', only.arch)
    : l10n.t('No arch is set; choose one');
}

function archChange(registry: Change['registry'], template: Template, arch: Arch): Change {
  const { name } = template;
  const where = registry.entry.name;
  return {
    registry,
    templateId: template.id,
    title: l10n.t('Setting the arch of "{0}" to {1}', name, arch),
    logTitle: `Setting the arch of "${name}" to ${arch}`,
    permission: 'set_arch',
    removesTemplate: false,
    doneText: template.arch
      ? l10n.t('Set the arch of "{0}" on "{1}" to {2} (was {3}).', name, where, arch, template.arch)
      : l10n.t('Set the arch of "{0}" on "{1}" to {2}.', name, where, arch),
    run: (client) => client.setArch(template.id, arch),
  };
}
