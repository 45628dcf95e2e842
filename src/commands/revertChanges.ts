import { pluralize } from '../format';
import type { TreeClient } from '../tree/registryState';
import { applyChanges, type Change } from './applyChanges';
import { revertConfirmation } from './confirmations';
import { readAllTemplates } from './freshTemplates';
import type { ManageContext } from './manageContext';
import { describeVersion, planRevert, type RevertPlan, type RevertTarget } from './revertPlan';

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
      : `template "${target.templateName}" could not be read`;
  });
  const problem = planned.find((plan): plan is string => typeof plan === 'string');
  if (problem !== undefined) {
    context.ui.error(`Cannot revert: ${problem}. Nothing was changed.`);
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
    title: `Reverting ${pluralize(plan.removed.length, 'tag')} of "${plan.template.name}"`,
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
    const problems = [
      left.length > 0 ? `still has ${left.map(describeVersion).join(', ')}` : '',
      lost.length > 0 ? `also lost ${lost.map(describeVersion).join(', ')}` : '',
    ];
    throw new Error(
      `the registry answered OK, but the template ${problems.filter(Boolean).join(' and ')}`,
    );
  }
}

/** `Reverted 2 tags of "sequoia" on "Local" (java17, ssh); 1 tag is left.` */
export function revertSummary(plan: RevertPlan): string {
  const names = plan.removed.map((version) => version.tag || `version ${version.number}`);
  const head = `Reverted ${pluralize(plan.removed.length, 'tag')} of "${plan.template.name}" ` +
    `on "${plan.registry.entry.name}" (${names.join(', ')})`;
  const tail = plan.kept.length === 0
    ? 'the template is removed'
    : `${pluralize(plan.kept.length, 'tag')} ${plan.kept.length === 1 ? 'is' : 'are'} left`;
  return `${head}; ${tail}.`;
}
