import * as vscode from 'vscode';
import type { AnkaCli, LocalVm } from '../cli';
import { describeError } from '../registry';
import type { RegistryNode, TagNode, TemplateNode } from '../tree/nodes';
import type { CommandContext } from './context';
import { showTransferError } from './transferProgress';
import { ownTarget, validateDescription, validateNewName, validateTag } from './transferRules';

export function pushTitle(): string {
  return vscode.l10n.t('Push VM');
}

/** The CLI option that pushes a VM as the next tag of a template, shown as it is typed. */
const NEXT_TAG_OPTION = '-v';

/** Where a push goes. `own`: the VM's own template (no -v); `existing`: next tag of another. */
export type PushTarget =
  | { kind: 'own'; name: string; template: TemplateNode | undefined }
  | { kind: 'existing'; template: TemplateNode }
  | { kind: 'newName' };

export async function loadLocalVms(
  context: CommandContext,
  cli: AnkaCli,
): Promise<LocalVm[] | undefined> {
  try {
    return await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Window,
        title: vscode.l10n.t('Listing the VMs on this Mac…'),
      },
      () => cli.listVms(),
    );
  } catch (error) {
    showTransferError(context, describeError(error));
    return undefined;
  }
}

export async function pickVm(vms: LocalVm[]): Promise<LocalVm | undefined> {
  const picked = await vscode.window.showQuickPick(
    vms.map((vm) => ({
      label: vm.name,
      description: [vm.status, vm.tag ? vscode.l10n.t('at {0}', vm.tag) : undefined]
        .filter(Boolean)
        .join(' · '),
      detail: vm.uuid,
      vm,
    })),
    {
      title: pushTitle(),
      placeHolder: vscode.l10n.t('Choose the VM on this Mac to push'),
      ignoreFocusOut: true,
    },
  );
  return picked?.vm;
}

/** The registry's templates, or undefined after saying why they could not be read. */
export async function loadTemplates(
  context: CommandContext,
  registry: RegistryNode,
): Promise<TemplateNode[] | undefined> {
  const children = await context.model.getChildren(registry);
  const failed = children.find((node) => node.kind === 'error');
  if (failed?.kind === 'error') {
    showTransferError(context, failed.error.message);
    return undefined;
  }
  return children.filter((node): node is TemplateNode => node.kind === 'template');
}

export async function tagsOf(
  context: CommandContext,
  template: TemplateNode,
): Promise<string[] | undefined> {
  const children = await context.model.getChildren(template);
  const failed = children.find((node) => node.kind === 'error');
  if (failed?.kind === 'error') {
    showTransferError(context, failed.error.message);
    return undefined;
  }
  return children.filter((node): node is TagNode => node.kind === 'tag').map((n) => n.version.tag);
}

type TargetItem = vscode.QuickPickItem & { target?: PushTarget };

export async function pickPushTarget(
  vm: LocalVm,
  templates: TemplateNode[],
  registryName: string,
): Promise<PushTarget | undefined> {
  const own = ownTarget(vm, templates.map((node) => node.summary));
  const nodeOf = (id: string): TemplateNode | undefined =>
    templates.find((node) => node.summary.id === id);
  const first: TargetItem[] = [];
  if (own.kind === 'newTemplate') {
    first.push({
      label: `$(add) ${vscode.l10n.t('New template "{0}"', vm.name)}`,
      detail: vscode.l10n.t(
        'Creates the template {0} on {1} with this VM as its first tag', vm.name, registryName,
      ),
      target: { kind: 'own', name: vm.name, template: undefined },
    });
  } else if (own.kind === 'ownTemplate') {
    first.push({
      label: `$(tag) ${vscode.l10n.t('Next tag of {0}', own.template.name)}`,
      description: vscode.l10n.t('this VM came from it'),
      target: { kind: 'own', name: own.template.name, template: nodeOf(own.template.id) },
    });
  } else {
    first.push(...conflictItems(vm, own.template.name, nodeOf(own.template.id)));
  }
  const taken = own.kind === 'newTemplate' ? undefined : own.template.id;
  const others: TargetItem[] = templates
    .filter((node) => node.summary.id !== taken)
    .map((node) => ({
      label: `$(tag) ${vscode.l10n.t('Next tag of {0}', node.summary.name)}`,
      description: NEXT_TAG_OPTION,
      target: { kind: 'existing', template: node },
    }));
  const separator: TargetItem = {
    label: vscode.l10n.t('other templates'),
    kind: vscode.QuickPickItemKind.Separator,
  };
  const picked = await vscode.window.showQuickPick(
    [...first, ...(others.length > 0 ? [separator, ...others] : [])],
    {
      title: vscode.l10n.t('Push VM: {0}', vm.name),
      placeHolder: vscode.l10n.t('Push {0} to {1} as…', vm.name, registryName),
      ignoreFocusOut: true,
    },
  );
  return picked?.target;
}

/** The two real ways past a template of the same name with another id. */
function conflictItems(
  vm: LocalVm,
  name: string,
  template: TemplateNode | undefined,
): TargetItem[] {
  const items: TargetItem[] = [];
  if (template) {
    items.push({
      label: `$(tag) ${vscode.l10n.t('Next tag of {0}', name)}`,
      description: NEXT_TAG_OPTION,
      detail: vscode.l10n.t(
        '{0} on the registry has another id than this VM; the VM becomes its next tag', name,
      ),
      target: { kind: 'existing', template },
    });
  }
  items.push({
    label: `$(copy) ${vscode.l10n.t('Under another name…')}`,
    detail: vscode.l10n.t(
      'Copies {0} on this Mac under a new name and pushes the copy as a new template', vm.name,
    ),
    target: { kind: 'newName' },
  });
  return items;
}

/** After the registry refused a push for a name with another id. */
export async function chooseAfterConflict(
  templateName: string,
): Promise<'nextTag' | 'newName' | undefined> {
  const nextTag = vscode.l10n.t('Push as Next Tag of {0}', templateName);
  const newName = vscode.l10n.t('Push Under Another Name…');
  const detail = [
    vscode.l10n.t(
      'Push the VM as the next tag of that template, or under another name as a new template.',
    ),
    vscode.l10n.t('Nothing on the registry is deleted either way.'),
  ];
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('The registry already has a template named "{0}" with another id.', templateName),
    { modal: true, detail: detail.join(' ') },
    nextTag,
    newName,
  );
  return choice === nextTag ? 'nextTag' : choice === newName ? 'newName' : undefined;
}

export function askTag(existingTags: string[], target: string): Thenable<string | undefined> {
  return vscode.window
    .showInputBox({
      title: vscode.l10n.t('Push VM: tag'),
      prompt: vscode.l10n.t('The new tag of {0}', target),
      placeHolder: vscode.l10n.t('for example xcode-16.2+brew or 2026.12.04'),
      ignoreFocusOut: true,
      validateInput: (value) => validateTag(value, existingTags),
    })
    .then((value) => value?.trim());
}

export function askDescription(): Thenable<string | undefined> {
  return vscode.window
    .showInputBox({
      title: vscode.l10n.t('Push VM: description'),
      prompt: vscode.l10n.t(
        'A description of the tag (optional; it cannot be changed after the push)',
      ),
      placeHolder: vscode.l10n.t('for example "Xcode 16.2 with the iOS 18.2 simulator"'),
      ignoreFocusOut: true,
      validateInput: validateDescription,
    })
    .then((value) => value?.trim());
}

export function askNewName(
  vm: LocalVm,
  templates: TemplateNode[],
  vms: LocalVm[],
): Thenable<string | undefined> {
  const summaries = templates.map((node) => node.summary);
  return vscode.window
    .showInputBox({
      title: vscode.l10n.t('Push VM: new template name'),
      prompt: vscode.l10n.t(
        'A copy of {0} is made on this Mac under this name, then pushed', vm.name,
      ),
      value: `${vm.name}-2`,
      ignoreFocusOut: true,
      validateInput: (value) => validateNewName(value, summaries, vms),
    })
    .then((value) => value?.trim());
}
