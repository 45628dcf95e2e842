import * as l10n from '@vscode/l10n';
import { pluralize } from '../format';
import type { TemplateVersion } from '../registry';
import type { TreeClient } from '../tree/registryState';
import { applyChanges, type Change } from './applyChanges';
import { revertConfirmation } from './confirmations';
import { tagCount } from './counts';
import { readAllTemplates } from './freshTemplates';
import type { ManageContext } from './manageContext';
import {
  describeVersion, planRevert, versionName, type RevertPlan, type RevertTarget,
} from './revertPlan';

/**
 * The part "Revert Tag" and "Revert Latest Tag" share: read the templates afresh, plan, confirm
 * with the exact list of tags, revert, check what the registry did, and report.
 */
export async function confirmAndRevert(
  context: ManageContext,
  targets: readonly RevertTarget[],
  title: string,
): Promise<void> {
  const refs = targets.map((target) => ({ registry: target.registry, id: target.templateId }));
  const templates = await readAllTemplates(context, refs, title);
  if (!templates) {
    return;
  }
  const planned = targets.map((target, index) => {
    const template = templates[index];
    return template
      ? planRevert(target.registry, template, target.fromVersion)
      : l10n.t('template "{0}" could not be read', target.templateName);
  });
  const problem = planned.find((plan): plan is string => typeof plan === 'string');
  if (problem !== undefined) {
    context.ui.error(l10n.t('Cannot revert: {0}. Nothing was changed.', problem));
    return;
  }
  const plans = planned as RevertPlan[];
  if (!(await context.ui.confirm(revertConfirmation(plans)))) {
    context.log.info(`${title}: cancelled at the confirmation; nothing was changed`);
    return;
  }
  await applyChanges(context, title, plans.map(revertChange));
}

function revertChange(plan: RevertPlan): Change {
  return {
    registry: plan.registry,
    templateId: plan.template.id,
    title: plan.removed.length === 1
      ? l10n.t('Reverting 1 tag of "{0}"', plan.template.name)
      : l10n.t('Reverting {0} tags of "{1}"', plan.removed.length, plan.template.name),
    logTitle: `Reverting ${pluralize(plan.removed.length, 'tag')} of "${plan.template.name}"`,
    permission: 'delete_revert',
    removesTemplate: plan.kept.length === 0,
    doneText: revertSummary(plan),
    run: async (client) => {
      await client.revert(plan.template.id, plan.selector);
      await checkRevert(client, plan);
    },
  };
}

/**
 * The API page and its example disagree on how a version is named, so what the registry removed
 * is read back: an answer of OK that removed something else must not pass for success.
 */
async function checkRevert(client: TreeClient, plan: RevertPlan): Promise<void> {
  if (plan.kept.length === 0) {
    return;
  }
  const after = await client.getTemplate(plan.template.id).catch(() => undefined);
  if (!after) {
    return;
  }
  const numbers = new Set(after.versions.map((version) => version.number));
  const left = plan.removed.filter((version) => numbers.has(version.number));
  const lost = plan.kept.filter((version) => !numbers.has(version.number));
  if (left.length > 0 || lost.length > 0) {
    throw new Error(revertMismatch(left, lost));
  }
}

function revertMismatch(left: TemplateVersion[], lost: TemplateVersion[]): string {
  const still = left.map(describeVersion).join(', ');
  const gone = lost.map(describeVersion).join(', ');
  if (left.length > 0 && lost.length > 0) {
    return l10n.t(
      'the registry answered OK, but the template still has {0} and also lost {1}', still, gone,
    );
  }
  return left.length > 0
    ? l10n.t('the registry answered OK, but the template still has {0}', still)
    : l10n.t('the registry answered OK, but the template also lost {0}', gone);
}

/** `Reverted 2 tags of "sequoia" on "Local" (java17, ssh); 1 tag is left.` */
export function revertSummary(plan: RevertPlan): string {
  const names = plan.removed.map(versionName).join(', ');
  const reverted = tagCount(plan.removed.length);
  const { name } = plan.template;
  const registry = plan.registry.entry.name;
  if (plan.kept.length === 0) {
    return l10n.t({
      message: 'Reverted {0} of "{1}" on "{2}" ({3}); the template is removed.',
      args: [reverted, name, registry, names],
      comment: '{0} is "2 tags", {1} the template, {2} the registry, {3} the tag names',
    });
  }
  return plan.kept.length === 1
    ? l10n.t({
      message: 'Reverted {0} of "{1}" on "{2}" ({3}); 1 tag is left.',
      args: [reverted, name, registry, names],
      comment: '{0} is "2 tags", {1} the template, {2} the registry, {3} the tag names',
    })
    : l10n.t({
      message: 'Reverted {0} of "{1}" on "{2}" ({3}); {4} tags are left.',
      args: [reverted, name, registry, names, plan.kept.length],
      comment: '{0} is "2 tags", {1} the template, {2} the registry, {3} the tag names',
    });
}
