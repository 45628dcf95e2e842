import { statfs } from 'node:fs/promises';
import * as os from 'node:os';
import * as vscode from 'vscode';
import { isCliError, type AnkaCli, type DownloadSize, type PullRequest } from '../cli';
import { formatBytes } from '../format';
import { describeError } from '../registry';
import type { CommandContext } from './context';
import { showTransferError } from './transferProgress';
import { spaceVerdict, type SpaceVerdict } from './transferRules';

/**
 * Asks the CLI what the pull would download and compares it with the free disk space. Resolves
 * with the verdict to go ahead with, or undefined when the pull should not start (the user
 * cancelled, declined a pull that does not fit, or the template or tag does not exist).
 */
export async function checkSpace(
  context: CommandContext,
  cli: AnkaCli,
  request: PullRequest,
  label: string,
): Promise<SpaceVerdict | undefined> {
  const checked = await askDownloadSize(cli, request, label);
  if (checked === 'cancelled') {
    return undefined;
  }
  if (checked instanceof Error) {
    if (isCliError(checked) && (checked.problem === 'notFound' || checked.kind === 'spawn')) {
      showTransferError(context, checked.message);
      return undefined;
    }
    context.log.warn(`Pulling without a size check: ${describeError(checked)}`);
  }
  const verdict = spaceVerdict(checked instanceof Error ? undefined : checked, await freeBytes());
  context.log.info(`Download size check for ${label}: ${describeVerdict(verdict)}`);
  if (verdict.kind !== 'tooBig') {
    return verdict;
  }
  const proceed = vscode.l10n.t('Pull Anyway');
  const detail = [
    vscode.l10n.t('The pull would stop when the disk is full.'),
    vscode.l10n.t(
      'Free some space first (delete VMs or tags you no longer use on this Mac), or pull anyway.',
    ),
  ];
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t({
      message: '{0} needs {1}, but only {2} is free on this Mac.',
      args: [label, formatBytes(verdict.needed), formatBytes(verdict.free)],
      comment: '{0} is "sequoia · ssh", {1} and {2} sizes such as "19.6 GiB"',
    }),
    { modal: true, detail: detail.join(' ') },
    proceed,
  );
  return choice === proceed ? verdict : undefined;
}

async function askDownloadSize(
  cli: AnkaCli,
  request: PullRequest,
  label: string,
): Promise<DownloadSize | undefined | Error | 'cancelled'> {
  const options = {
    location: vscode.ProgressLocation.Notification,
    title: vscode.l10n.t('Checking the download size of {0}…', label),
    cancellable: true,
  };
  return vscode.window.withProgress(options, async (_progress, token) => {
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    try {
      return await cli.checkDownloadSize(request, controller.signal);
    } catch (error) {
      if (isCliError(error) && error.kind === 'cancelled') {
        return 'cancelled' as const;
      }
      return error instanceof Error ? error : new Error(String(error));
    } finally {
      subscription.dispose();
    }
  });
}

/** Free bytes in the home folder's file system, where Anka keeps its templates by default. */
async function freeBytes(): Promise<number | undefined> {
  try {
    const stats = await statfs(os.homedir());
    return stats.bavail * stats.bsize;
  } catch {
    return undefined;
  }
}

function describeVerdict(verdict: SpaceVerdict): string {
  switch (verdict.kind) {
    case 'unknown':
      return 'the CLI did not say';
    case 'alreadyLocal':
      return 'already local, nothing to download';
    case 'fits':
      return `${formatBytes(verdict.needed)} to download, ${formatBytes(verdict.free)} free`;
    case 'tooBig':
      return `${formatBytes(verdict.needed)} to download, only ${formatBytes(verdict.free)} free`;
  }
}
