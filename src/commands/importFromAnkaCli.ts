import * as vscode from 'vscode';
import { isCliError, type AnkaCli, type CliRegistryListing } from '../cli';
import { addRegistryEntry } from '../config/settings';
import type { RegistryEntry } from '../tree/nodes';
import { requireAnkaCli } from './cliAccess';
import type { CommandContext } from './context';
import { describeImport, planImport, type ImportCandidate, type ImportPlan } from './importPlan';
import { showErrorWithLog } from './showError';

export type ImportOutcome =
  | { status: 'noCli' | 'cancelled' | 'failed' | 'nothingConfigured' | 'allConfigured' }
  | { status: 'imported'; added: RegistryEntry[] };

/**
 * Reads the registries the anka CLI is configured with and offers the ones not configured here
 * (matched by URL) in a multi-select quick pick; the chosen ones join `ankaRegistry.registries`.
 */
export async function importFromAnkaCli(context: CommandContext): Promise<ImportOutcome> {
  const cli = await requireAnkaCli(context, 'import');
  if (!cli) {
    return { status: 'noCli' };
  }
  const listing = await readListing(context, cli);
  if (listing === 'cancelled' || listing === 'failed') {
    return { status: listing };
  }
  const configured = context.model.getRegistries().map((node) => node.entry);
  const plan = planImport(listing, configured);
  logPlan(context, plan);
  if (plan.candidates.length === 0) {
    void showNothingToImport(plan);
    return { status: plan.alreadyConfigured.length > 0 ? 'allConfigured' : 'nothingConfigured' };
  }
  const chosen = await choose(plan);
  if (!chosen || chosen.length === 0) {
    return { status: 'cancelled' };
  }
  for (const candidate of chosen) {
    await addRegistryEntry(candidate.entry);
  }
  const added = chosen.map((candidate) => candidate.entry);
  const names = added.map((entry) => `"${entry.name}" (${entry.url})`).join(', ');
  context.log.info(`Imported from the anka CLI: ${names}`);
  void vscode.window.showInformationMessage(describeImport(added, plan));
  return { status: 'imported', added };
}

/** Reads the CLI's list; a read slower than this gets a cancellable progress notification. */
const QUIET_READ_MS = 1000;

async function readListing(
  context: CommandContext,
  cli: AnkaCli,
): Promise<CliRegistryListing | 'cancelled' | 'failed'> {
  const controller = new AbortController();
  const reading = cli.configuredRegistries(controller.signal);
  const settled = reading.then(() => true, () => true);
  const quick = await Promise.race([settled, delay(QUIET_READ_MS).then(() => false)]);
  if (!quick) {
    const title = vscode.l10n.t("Reading the anka CLI's registries…");
    const options = { location: vscode.ProgressLocation.Notification, title, cancellable: true };
    await vscode.window.withProgress(options, (_progress, token) => {
      token.onCancellationRequested(() => controller.abort());
      return settled;
    });
  }
  try {
    return await reading;
  } catch (error) {
    if (isCliError(error) && error.kind === 'cancelled') {
      return 'cancelled';
    }
    void showErrorWithLog(context.log, error);
    return 'failed';
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function logPlan(context: CommandContext, plan: ImportPlan): void {
  const parts = [
    `${plan.candidates.length} to offer`,
    `${plan.alreadyConfigured.length} already configured`,
    ...plan.skipped.map((item) => `skipped ${item.name}: ${item.reason}`),
  ];
  context.log.info(`anka CLI registries: ${parts.join('; ')}`);
}

/** Nothing new: the CLI has no registries, or they are configured here, or none is usable. */
async function showNothingToImport(plan: ImportPlan): Promise<void> {
  const parts: string[] = [];
  if (plan.alreadyConfigured.length > 0) {
    const names = plan.alreadyConfigured
      .map((match) => vscode.l10n.t('{0} (as "{1}")', match.source.name, match.configuredAs))
      .join(', ');
    parts.push(vscode.l10n.t('Every registry of the anka CLI is configured here already: {0}.',
      names));
  } else if (plan.skipped.length === 0) {
    parts.push(vscode.l10n.t(
      'The anka CLI has no registries configured ("anka registry add NAME URL" adds one).',
    ));
  } else {
    parts.push(vscode.l10n.t('The anka CLI has no Anka Registries to import.'));
  }
  if (plan.skipped.length > 0) {
    const skipped = plan.skipped.map((item) => `${item.name} (${item.reason})`).join('; ');
    parts.push(vscode.l10n.t('Not imported: {0}.', skipped));
  }
  const add = vscode.l10n.t('Add Registry...');
  const actions = plan.alreadyConfigured.length > 0 ? [] : [add];
  const choice = await vscode.window.showInformationMessage(parts.join(' '), ...actions);
  if (choice === add) {
    await vscode.commands.executeCommand('ankaRegistry.addRegistry');
  }
}

interface CandidateItem extends vscode.QuickPickItem {
  candidate?: ImportCandidate;
}

/** Every new registry starts picked; the configured ones are listed below them, unpickable. */
async function choose(plan: ImportPlan): Promise<ImportCandidate[] | undefined> {
  const items: CandidateItem[] = plan.candidates.map((candidate) => ({
    label: candidate.entry.name,
    description: candidate.entry.url,
    detail: detailOf(candidate),
    picked: true,
    candidate,
  }));
  if (plan.alreadyConfigured.length > 0) {
    items.push({
      label: vscode.l10n.t('Already configured'),
      kind: vscode.QuickPickItemKind.Separator,
    });
    for (const match of plan.alreadyConfigured) {
      items.push({
        label: `$(check) ${match.source.name}`,
        description: match.source.url,
        detail: vscode.l10n.t('Configured here as "{0}"; not imported again', match.configuredAs),
      });
    }
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Import Registries from the Anka CLI'),
    placeHolder: vscode.l10n.t('Choose the registries to add to the Registries view'),
    canPickMany: true,
    ignoreFocusOut: true,
    matchOnDescription: true,
  });
  return picked?.flatMap((item) => (item.candidate ? [item.candidate] : []));
}

function detailOf(candidate: ImportCandidate): string | undefined {
  const notes: string[] = [];
  if (candidate.source.isDefault) {
    notes.push(vscode.l10n.t("the anka CLI's default registry"));
  }
  if (candidate.entry.name !== candidate.source.name) {
    notes.push(vscode.l10n.t('named "{0}" in the CLI', candidate.source.name));
  }
  if (candidate.entry.auth === 'certificate') {
    notes.push(vscode.l10n.t('client certificate {0}', candidate.entry.certFile ?? ''));
  } else if (candidate.entry.auth === 'apiKey') {
    const key = candidate.entry.apiKeyId ?? '';
    notes.push(vscode.l10n.t('API key "{0}": sign in after importing', key));
  }
  return notes.length > 0 ? notes.join(' · ') : undefined;
}
