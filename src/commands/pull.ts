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
  const registry = await cliRegistryFor(context, target.registry, `pull ${label}`);
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
    return { status: 'declined', message: `Did not pull ${label}.` };
  }
  const from = registry.name;
  const outcome = await runTransfer(`Pulling ${label} from ${from}`, (options) =>
    cli.pull(request, options),
  );
  if (outcome.status === 'ok') {
    refreshRegistry(context, target.registry);
  }
  const tag = outcome.status === 'ok' ? tagOf(outcome.envelope, target.tag) : target.tag;
  const notes = [
    verdict.kind === 'alreadyLocal' ? 'It was already local: nothing was downloaded.' : '',
    target.shrink ? `The other local tags of ${target.templateName} were removed.` : '',
  ];
  return reportTransfer(context, outcome, {
    success: [`Pulled ${labelOf(target.templateName, tag)} from ${from} to this Mac.`, ...notes]
      .filter(Boolean)
      .join(' '),
    what: `Pull of ${label}`,
  });
}

function labelOf(templateName: string, tag: string | undefined): string {
  return `${templateName} · ${tag ?? 'newest tag'}`;
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
