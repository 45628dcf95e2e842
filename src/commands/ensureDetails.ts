import * as vscode from 'vscode';
import { maxConcurrentRequests } from '../config/listSettings';
import { describeError } from '../registry';
import {
  listTemplates, loadMissingDetails, type DetailLoadProgress, type DetailLoadResult,
} from '../tree/detailLoader';
import type { RegistryNode, TemplateNode } from '../tree/nodes';
import type { CommandContext } from './context';
import { showErrorWithLog, showMessageWithLog } from './showError';

export type DetailsOutcome = 'complete' | 'partial' | 'cancelled';

/** Up to this many missing details load without a question, as the tree's own prefetch does. */
const ASK_ABOVE = 200;

export interface DetailsRequest {
  /**
   * The question, a whole sentence: what needs the details of `count` templates of the registry
   * `registry` ("Filtering by arch needs the details of 500 templates of "Fleet".").
   */
  needs(count: string, registry: string): string;
  /** What happens to templates left without details, a whole sentence. */
  without: string;
  /** Ask before loading; commands run with arguments (tests, keybindings) do not. */
  ask: boolean;
}

/**
 * Makes sure every template of a registry has its details, for filters and orders that need
 * arch or dates. Big registries skip the background load, so above a few hundred missing this
 * asks before sending one request per template; the load runs under a cancellable progress.
 * 'cancelled': the user backed out; 'partial': some details are still missing.
 */
export async function ensureDetails(
  context: CommandContext,
  registry: RegistryNode,
  request: DetailsRequest,
): Promise<DetailsOutcome> {
  let templates: TemplateNode[];
  try {
    templates = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Window,
        title: vscode.l10n.t('Listing templates of {0}', registry.entry.name),
      },
      () => listTemplates(context.model, registry),
    );
  } catch (error) {
    void showErrorWithLog(context.log, error);
    return 'cancelled';
  }
  const missing = templates.filter((node) => !context.model.getLoadedTemplate(node)).length;
  if (missing === 0) {
    return 'complete';
  }
  if (request.ask && missing > ASK_ABOVE) {
    const choice = await askToLoad(registry, missing, request);
    if (choice !== 'load') {
      return choice === 'skip' ? 'partial' : 'cancelled';
    }
  }
  const result = await loadWithProgress(context, registry);
  context.listing.relayout(registry);
  reportFailures(context, registry, result);
  return result.cancelled || result.failed > 0 ? 'partial' : 'complete';
}

async function askToLoad(
  registry: RegistryNode,
  missing: number,
  request: DetailsRequest,
): Promise<'load' | 'skip' | undefined> {
  const count = missing.toLocaleString('en-US');
  const load = vscode.l10n.t('Load Details');
  const skip = vscode.l10n.t('Use Loaded Only');
  const sends = vscode.l10n.t(
    'Loading them sends {0} requests to {1}, {2} at a time (ankaRegistry.maxConcurrentRequests).',
    count,
    registry.entry.url,
    maxConcurrentRequests(),
  );
  const detail = [
    vscode.l10n.t('They are not loaded yet.'),
    sends,
    vscode.l10n.t('You can cancel it.'),
    request.without,
  ];
  const choice = await vscode.window.showInformationMessage(
    request.needs(count, registry.entry.name),
    { modal: true, detail: detail.join(' ') },
    load,
    skip,
  );
  return choice === load ? 'load' : choice === skip ? 'skip' : undefined;
}

/** Loads what is missing under a cancellable notification that counts the templates. */
export function loadWithProgress(
  context: CommandContext,
  registry: RegistryNode,
): Thenable<DetailLoadResult> {
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Loading template details from "{0}"', registry.entry.name),
      cancellable: true,
    },
    async (progress, token) => {
      const controller = new AbortController();
      const subscription = token.onCancellationRequested(() => controller.abort());
      const reporter = progressReporter(progress);
      try {
        return await loadMissingDetails(context.model, registry, {
          concurrency: maxConcurrentRequests(),
          signal: controller.signal,
          onProgress: reporter,
        });
      } finally {
        subscription.dispose();
      }
    },
  );
}

/** Reports every whole percent, not every template: ten thousand reports would flood the UI. */
export function progressReporter(
  progress: vscode.Progress<{ message?: string; increment?: number }>,
): (update: DetailLoadProgress) => void {
  let reported = 0;
  return (update) => {
    const percent = update.total === 0 ? 100 : Math.floor((update.done / update.total) * 100);
    if (percent > reported || update.done === 0) {
      const done = update.done.toLocaleString('en-US');
      const total = update.total.toLocaleString('en-US');
      const message = vscode.l10n.t({
        message: '{0} of {1}',
        args: [done, total],
        comment: 'progress: 120 of 10,000 templates',
      });
      progress.report({ message, increment: percent - reported });
      reported = percent;
    }
  };
}

function reportFailures(
  context: CommandContext,
  registry: RegistryNode,
  result: DetailLoadResult,
): void {
  if (result.failed === 0 || !result.firstError) {
    return;
  }
  const reason = describeError(result.firstError);
  context.log.error(`Details of ${result.failed} templates of ${registry.entry.name}: ${reason}`);
  const count = result.failed.toLocaleString('en-US');
  const message = [
    vscode.l10n.t(
      'Could not read the details of {0} templates of "{1}".', count, registry.entry.name,
    ),
    vscode.l10n.t('The first failure: {0}', reason),
  ].join(' ');
  void showMessageWithLog(context.log, message, 'warning');
}
