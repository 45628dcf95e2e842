import * as vscode from 'vscode';
import { isCliError, type AnkaCli, type CliRegistry, type LocalVm, type PushRequest } from '../cli';
import { describeError } from '../registry';
import type { RegistryNode, TemplateNode } from '../tree/nodes';
import type { CommandContext } from './context';
import { cliRegistryFor, requireAnkaCli } from './cliAccess';
import { nodeOfKind, pickRegistry } from './pickers';
import {
  askDescription, askNewName, askTag, chooseAfterConflict, loadLocalVms, loadTemplates,
  pickPushTarget, pickVm, pushTitle, tagsOf, type PushTarget,
} from './pushPrompts';
import {
  reportTransfer, runTransfer, showTransferError, type TransferResult,
} from './transferProgress';

interface PushJob {
  cli: AnkaCli;
  registry: CliRegistry;
  registryNode: RegistryNode;
  vm: LocalVm;
  vms: LocalVm[];
  templates: TemplateNode[];
}

/** What the user answered already, kept when a refused push is tried again. */
interface Answers {
  tag: string;
  description: string;
}

/**
 * Pushes a VM of this Mac to a registry with the anka CLI: as a new template, or as the next
 * tag of a template (from a template row, or chosen). From a registry or template row, or the
 * palette. Never deletes anything on the registry to make room.
 */
export async function push(
  context: CommandContext,
  arg?: unknown,
): Promise<TransferResult | undefined> {
  const clicked = nodeOfKind(arg, 'registry', 'template');
  const cli = await requireAnkaCli(context, 'push', clicked);
  if (!cli) {
    return undefined;
  }
  const registryNode =
    clicked?.kind === 'template'
      ? clicked.registry
      : (clicked ?? (await pickRegistry(context.model, pushTitle())));
  if (!registryNode) {
    return undefined;
  }
  const operation = vscode.l10n.t({
    message: 'push to {0}',
    args: [registryNode.entry.name],
    comment: 'Completes "Could not {0}: reason"; {0} is a registry',
  });
  const registry = await cliRegistryFor(context, registryNode, operation);
  const vms = registry ? await loadLocalVms(context, cli) : undefined;
  if (!registry || !vms) {
    return undefined;
  }
  if (vms.length === 0) {
    const message = vscode.l10n.t('There is no VM on this Mac to push (anka list is empty).');
    void vscode.window.showInformationMessage(message);
    return { status: 'declined', message };
  }
  const vm = await pickVm(vms);
  const templates = vm ? await loadTemplates(context, registryNode) : undefined;
  if (!vm || !templates) {
    return undefined;
  }
  const target: PushTarget | undefined =
    clicked?.kind === 'template'
      ? { kind: 'existing', template: clicked }
      : await pickPushTarget(vm, templates, registryNode.entry.name);
  if (!target) {
    return undefined;
  }
  return pushTo(context, { cli, registry, registryNode, vm, vms, templates }, target, undefined);
}

async function pushTo(
  context: CommandContext,
  job: PushJob,
  target: PushTarget,
  earlier: Answers | undefined,
): Promise<TransferResult | undefined> {
  const newName = target.kind === 'newName' ? await askNewName(job.vm, job.templates, job.vms) : '';
  if (newName === undefined) {
    return undefined;
  }
  const template = target.kind === 'newName' ? undefined : target.template;
  const targetName = template?.summary.name ?? (target.kind === 'own' ? target.name : newName);
  const answers = await askAnswers(context, template, targetName, earlier);
  if (!answers) {
    return undefined;
  }
  const vmName = newName === '' ? job.vm.name : await cloneVm(context, job, newName);
  if (vmName === undefined) {
    const message = vscode.l10n.t('Could not copy {0}.', job.vm.name);
    return { status: 'failed', message, error: undefined };
  }
  const request: PushRequest = {
    registry: job.registry,
    vm: vmName,
    tag: answers.tag,
    description: answers.description || undefined,
    remoteTemplate: target.kind === 'existing' ? target.template.summary.name : undefined,
    targetName,
  };
  const label = `${targetName} · ${answers.tag}`;
  const to = job.registry.name;
  const title = vscode.l10n.t('Pushing {0} as {1} to {2}', vmName, label, to);
  const outcome = await runTransfer(title, (options) => job.cli.push(request, options));
  const refusedName =
    outcome.status === 'failed' &&
    isCliError(outcome.error) &&
    outcome.error.problem === 'uuidMismatch';
  if (outcome.status === 'failed' && refusedName && earlier === undefined) {
    context.log.warn(describeError(outcome.error));
    return retryAfterConflict(context, job, targetName, answers);
  }
  if (outcome.status === 'ok') {
    showPushed(context, job.registryNode, template === undefined);
  }
  return reportTransfer(context, outcome, {
    success: vscode.l10n.t('Pushed {0} to {1} (from the VM {2}).', label, to, vmName),
    cancelled: (stopped) => stopped
      ? vscode.l10n.t('Push of {0} as {1} cancelled; the anka CLI has stopped.', vmName, label)
      : vscode.l10n.t(
        'Push of {0} as {1} cancelled, but the anka CLI did not stop within 2 seconds.',
        vmName,
        label,
      ),
    log: `Push of ${vmName} as ${label} to ${to}`,
  });
}

/** Registries cache their template list for about 30 s; a new template may show only then. */
const LIST_CACHE_MS = 31_000;

function showPushed(context: CommandContext, registry: RegistryNode, newTemplate: boolean): void {
  const refresh = (): void => {
    if (context.model.getRegistries().includes(registry)) {
      context.model.refresh(registry);
    }
  };
  refresh();
  if (newTemplate) {
    setTimeout(refresh, LIST_CACHE_MS).unref?.();
  }
}

async function askAnswers(
  context: CommandContext,
  template: TemplateNode | undefined,
  targetName: string,
  earlier: Answers | undefined,
): Promise<Answers | undefined> {
  const existing = template ? await tagsOf(context, template) : [];
  if (!existing) {
    return undefined;
  }
  const keepTag = earlier !== undefined && !existing.includes(earlier.tag);
  const tag = keepTag ? earlier.tag : await askTag(existing, targetName);
  const description = earlier?.description ?? (tag ? await askDescription() : undefined);
  return tag && description !== undefined ? { tag, description } : undefined;
}

async function cloneVm(
  context: CommandContext,
  job: PushJob,
  name: string,
): Promise<string | undefined> {
  const title = vscode.l10n.t('Copying {0} as {1}…', job.vm.name, name);
  try {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title },
      () => job.cli.clone(job.vm.name, name),
    );
    return name;
  } catch (error) {
    showTransferError(context, describeError(error));
    return undefined;
  }
}

/** The registry refused: a template of that name has another id. Offer the two real choices. */
async function retryAfterConflict(
  context: CommandContext,
  job: PushJob,
  templateName: string,
  answers: Answers,
): Promise<TransferResult> {
  const choice = await chooseAfterConflict(templateName);
  if (!choice) {
    return { status: 'declined', message: vscode.l10n.t('Did not push {0}.', job.vm.name) };
  }
  context.model.refresh(job.registryNode);
  const templates = (await loadTemplates(context, job.registryNode)) ?? [];
  const template = templates.find((node) => node.summary.name === templateName);
  if (choice === 'nextTag' && !template) {
    const message = vscode.l10n.t(
      'The template {0} is no longer on {1}.', templateName, job.registry.name,
    );
    showTransferError(context, message);
    return { status: 'failed', message, error: undefined };
  }
  const target: PushTarget = template && choice === 'nextTag'
    ? { kind: 'existing', template }
    : { kind: 'newName' };
  const result = await pushTo(context, { ...job, templates }, target, answers);
  return result ?? { status: 'declined', message: vscode.l10n.t('Did not push {0}.', job.vm.name) };
}
