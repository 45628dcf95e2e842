import * as vscode from 'vscode';
import type { CliEnvelope, PullRequest } from '../cli';
import type { RegistryNode } from '../tree/nodes';
import type { CommandContext } from './context';
import { cliRegistryFor, requireAnkaCli } from './cliAccess';
import { nodeOfKind } from './pickers';
import { checkSpace } from './pullSpace';
import { choosePullTarget } from './pullTarget';
import { reportTransfer, runTransfer, type TransferResult } from './transferProgress';

/**
 * Pulls a tag (or a template's newest tag) onto this Mac with the anka CLI: from a tag or
 * template row, or from the palette with quick picks. Checks the download size first, shows
 * the CLI's progress in a cancellable notification and refreshes the registry when done.
 */
export async function pull(
  context: CommandContext,
  arg?: unknown,
): Promise<TransferResult | undefined> {
  const clicked = nodeOfKind(arg, 'tag', 'template');
  const cli = await requireAnkaCli(context, 'pull', clicked);
  if (!cli) {
    return undefined;
  }
  const target = await choosePullTarget(context, clicked);
  if (!target) {
    return undefined;
  }
  const label = labelOf(target.templateName, target.tag);
  const operation = vscode.l10n.t({
    message: 'pull {0}',
    args: [label],
    comment: 'Completes "Could not {0}: reason"; {0} is "sequoia · ssh"',
  });
  const registry = await cliRegistryFor(context, target.registry, operation);
  if (!registry) {
    return undefined;
  }
  const request: PullRequest = {
    registry,
    template: target.templateId,
    templateName: target.templateName,
    tag: target.tag,
    shrink: target.shrink,
  };
  const verdict = await checkSpace(context, cli, request, label);
  if (!verdict) {
    return { status: 'declined', message: vscode.l10n.t('Did not pull {0}.', label) };
  }
  const from = registry.name;
  const outcome = await runTransfer(vscode.l10n.t('Pulling {0} from {1}', label, from), (options) =>
    cli.pull(request, options),
  );
  if (outcome.status === 'ok') {
    refreshRegistry(context, target.registry);
  }
  const tag = outcome.status === 'ok' ? tagOf(outcome.envelope, target.tag) : target.tag;
  const pulled = labelOf(target.templateName, tag);
  const notes = [
    vscode.l10n.t('Pulled {0} from {1} to this Mac.', pulled, from),
    verdict.kind === 'alreadyLocal'
      ? vscode.l10n.t('It was already local: nothing was downloaded.')
      : '',
    target.shrink
      ? vscode.l10n.t('The other local tags of {0} were removed.', target.templateName)
      : '',
  ];
  return reportTransfer(context, outcome, {
    success: notes.filter(Boolean).join(' '),
    cancelled: (stopped) => stopped
      ? vscode.l10n.t('Pull of {0} cancelled; the anka CLI has stopped.', label)
      : vscode.l10n.t(
        'Pull of {0} cancelled, but the anka CLI did not stop within 2 seconds.',
        label,
      ),
    log: `Pull of ${target.templateName} · ${tag ?? 'newest tag'} from ${from}`,
  });
}

/** "sequoia · ssh"; the tag in words when the newest is meant. */
function labelOf(templateName: string, tag: string | undefined): string {
  return `${templateName} · ${tag ?? vscode.l10n.t('newest tag')}`;
}

/** The tag the CLI reports it pulled, for a pull of the newest tag. */
function tagOf(envelope: CliEnvelope, requested: string | undefined): string | undefined {
  const body = envelope.body;
  if (requested !== undefined || typeof body !== 'object' || body === null) {
    return requested;
  }
  const tag = (body as Record<string, unknown>).tag;
  return typeof tag === 'string' && tag !== '' ? tag : requested;
}

/**
 * A pull changes the tag's last pull date on the registry. The whole registry is read again:
 * refreshing one template row leaves it without its details until it is expanded.
 */
function refreshRegistry(context: CommandContext, registry: RegistryNode): void {
  if (context.model.getRegistries().includes(registry)) {
    context.model.refresh(registry);
  }
}
