import * as l10n from '@vscode/l10n';
import { describeError, isRegistryError } from '../registry';
import type { RegistryNode } from '../tree/nodes';
import { describeDenied, type Permission } from '../tree/permissions';
import type { TreeClient } from '../tree/registryState';
import { moreChangeCount } from './counts';
import type { ManageContext } from './manageContext';

/** One change to one template on a registry. */
export interface Change {
  registry: RegistryNode;
  templateId: string;
  /** For progress and failures, translated: `Reverting 2 tags of "sequoia"`. */
  title: string;
  /** The same in English, for the log. */
  logTitle: string;
  /** What a 403 answer to this change means the user lacks. */
  permission: Permission;
  removesTemplate: boolean;
  /** For the success message: `Reverted 2 tags of "sequoia" on "Local" (java17, ssh).` */
  doneText: string;
  run(client: TreeClient): Promise<void>;
}

export interface ChangeOutcome {
  done: Change[];
  failed: Array<{ change: Change; error: unknown }>;
  /** Not started because the user cancelled. */
  skipped: Change[];
}

/**
 * Runs changes one after another, with progress in the view for one and in a cancellable
 * notification for several; a change in flight always finishes. Then brings the tree up to date
 * and reports: a short success message, or an error with "Show Log".
 */
export async function applyChanges(
  context: ManageContext,
  title: string,
  changes: readonly Change[],
): Promise<ChangeOutcome> {
  const outcome = await runAll(context, title, changes);
  updateTree(context, outcome);
  report(context, outcome);
  return outcome;
}

async function runAll(
  context: ManageContext,
  title: string,
  changes: readonly Change[],
): Promise<ChangeOutcome> {
  const outcome: ChangeOutcome = { done: [], failed: [], skipped: [] };
  const place = changes.length > 1 ? 'notification' : 'view';
  await context.ui.progress(place, title, async (progress) => {
    for (const [index, change] of changes.entries()) {
      if (progress.signal.aborted) {
        outcome.skipped.push(change);
        continue;
      }
      progress.step(
        l10n.t({ message: '{0}…', args: [change.title], comment: 'a change under way' }),
        index / changes.length,
      );
      const logged = `${change.logTitle} on registry "${change.registry.entry.name}"`;
      try {
        await change.run(context.model.getState(change.registry).client);
        outcome.done.push(change);
        context.log.info(`${logged}: done`);
      } catch (error) {
        outcome.failed.push({ change, error });
        context.log.error(`${logged} failed: ${describeError(error)}`);
      }
    }
  });
  return outcome;
}

/** Reloads every registry touched, also after a failure: a failed call may have half-happened. */
function updateTree(context: ManageContext, outcome: ChangeOutcome): void {
  const attempted = [...outcome.done, ...outcome.failed.map((failure) => failure.change)];
  const current = context.model.getRegistries();
  for (const registry of new Set(attempted.map((change) => change.registry))) {
    if (!current.includes(registry)) {
      continue;
    }
    const removed = outcome.done
      .filter((change) => change.registry === registry && change.removesTemplate)
      .map((change) => change.templateId);
    context.model.noteChanges(registry, removed);
    for (const change of outcome.done.filter((done) => done.registry === registry)) {
      context.model.setPermission(registry, change.permission, true);
    }
    for (const { change, error } of outcome.failed.filter((f) => f.change.registry === registry)) {
      if (isForbidden(error)) {
        context.model.setPermission(registry, change.permission, false);
      }
    }
  }
}

/** What was done, in at most three sentences. */
export function summarize(done: readonly Change[]): string {
  const shown = done.slice(0, 3).map((change) => change.doneText);
  const rest = done.length - 3;
  const more = rest > 0
    ? [rest === 1 ? l10n.t('And 1 more change.') : l10n.t('And {0} more changes.', rest)]
    : [];
  return [...shown, ...more].join(' ');
}

function report(context: ManageContext, outcome: ChangeOutcome): void {
  const skipped = outcome.skipped.length > 0
    ? ` ${l10n.t('Cancelled before {0}.', moreChangeCount(outcome.skipped.length))}`
    : '';
  const [failure, ...moreFailures] = outcome.failed;
  if (!failure) {
    const done = outcome.done.length > 0
      ? summarize(outcome.done)
      : l10n.t('Cancelled; nothing was changed.');
    context.ui.info(`${done}${skipped}`);
    return;
  }
  const parts = [failureText(failure.change, failure.error)];
  if (moreFailures.length > 0) {
    parts.push(moreFailures.length === 1
      ? l10n.t('1 more change failed too; see the log.')
      : l10n.t('{0} more changes failed too; see the log.', moreFailures.length));
  }
  if (outcome.done.length > 0) {
    parts.push(l10n.t('Done: {0}', summarize(outcome.done)));
  }
  context.ui.error(`${parts.join(' ')}${skipped}`);
}

function failureText(change: Change, error: unknown): string {
  const name = change.registry.entry.name;
  if (isForbidden(error)) {
    // The registry's own words are in the log; the user needs the permission's name.
    const refused = l10n.t({
      message: '{0} on registry "{1}" was refused (HTTP 403).',
      args: [change.title, name],
      comment: '{0} is the change, such as: Deleting template "sequoia"',
    });
    return `${refused} ${describeDenied(change.permission, name)}`;
  }
  const reason = isRegistryError(error) ? error.reason : describeError(error);
  return l10n.t({
    message: '{0} on registry "{1}" failed: {2}.',
    args: [change.title, name, reason.replace(/\.$/, '')],
    comment: '{0} is the change, such as: Deleting template "sequoia"; {2} the reason',
  });
}

export function isForbidden(error: unknown): boolean {
  return isRegistryError(error) && error.kind === 'forbidden';
}
