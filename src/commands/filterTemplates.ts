import * as vscode from 'vscode';
import { listTemplates } from '../tree/detailLoader';
import type { RegistryNode, TemplateNode } from '../tree/nodes';
import {
  describeFilter, filterNeedsDetails, formatFilter, matchesFilter, parseFilter,
  type TemplateFilter,
} from '../tree/templateFilter';
import type { CommandContext } from './context';
import { ensureDetails } from './ensureDetails';
import { nodeOfKind, pickRegistry } from './pickers';
import { showErrorWithLog } from './showError';

/**
 * Filters a registry's templates by name, arch and days since the last pull. From a row or the
 * palette it asks for the filter in one line; a second argument gives it (tests, keybindings).
 */
export async function filterTemplates(
  context: CommandContext,
  arg?: unknown,
  text?: unknown,
): Promise<void> {
  const node = nodeOfKind(arg, 'registry', 'template');
  const registry = node?.kind === 'template'
    ? node.registry
    : node ?? (await pickRegistry(context.model, vscode.l10n.t('Filter Templates')));
  if (!registry) {
    return;
  }
  let templates: TemplateNode[];
  try {
    templates = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Window,
        title: vscode.l10n.t('Filter Templates: listing templates'),
      },
      () => listTemplates(context.model, registry),
    );
  } catch (error) {
    void showErrorWithLog(context.log, error);
    return;
  }
  const given = typeof text === 'string';
  const line = given ? text : await askFilter(context, registry, templates);
  if (line === undefined) {
    return;
  }
  const parsed = parseFilter(line);
  if (!parsed.ok) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Filter Templates: {0}.', parsed.message),
    );
    return;
  }
  if (filterNeedsDetails(parsed.filter)) {
    const outcome = await ensureDetails(context, registry, {
      needs: parsed.filter.arch
        ? (count, name) => vscode.l10n.t(
          'Filtering by arch needs the details of {0} templates of "{1}".', count, name,
        )
        : (count, name) => vscode.l10n.t(
          'Filtering by the last pull needs the details of {0} templates of "{1}".', count, name,
        ),
      without: vscode.l10n.t(
        'Templates without details are left out and counted as "not checked".',
      ),
      ask: !given,
    });
    if (outcome === 'cancelled') {
      return;
    }
  }
  context.listing.setFilter(registry, parsed.filter);
  context.log.info(`Filter of ${registry.entry.name}: ${formatFilter(parsed.filter) || '(none)'}`);
  await context.treeView.reveal(registry, { expand: true, select: false, focus: false });
}

function askFilter(
  context: CommandContext,
  registry: RegistryNode,
  templates: readonly TemplateNode[],
): Thenable<string | undefined> {
  const current = context.listing.filterOf(registry);
  return vscode.window.showInputBox({
    title: vscode.l10n.t('Filter Templates of "{0}"', registry.entry.name),
    value: current ? formatFilter(current) : '',
    placeHolder: vscode.l10n.t({
      message: 'Part of a name; arch:arm64 or arch:amd64; unpulled:90 (days). Empty clears.',
      comment: 'arch: and unpulled: are typed as they are; keep them',
    }),
    prompt: vscode.l10n.t({
      message: 'Words match template names (any case); arch:… and unpulled:DAYS narrow further.',
      comment: 'arch: and unpulled: are typed as they are; keep them',
    }),
    ignoreFocusOut: true,
    validateInput: (value) => {
      const parsed = parseFilter(value);
      if (!parsed.ok) {
        return parsed.message;
      }
      return {
        message: preview(context, parsed.filter, templates),
        severity: vscode.InputBoxValidationSeverity.Info,
      };
    },
  });
}

/** "Shows 12 of 10,000 templates", from what is loaded, while the user types. */
function preview(
  context: CommandContext,
  filter: TemplateFilter,
  templates: readonly TemplateNode[],
): string {
  const total = templates.length.toLocaleString('en-US');
  const described = describeFilter(filter);
  if (described === '') {
    return vscode.l10n.t('No filter: all {0} templates show.', total);
  }
  const now = Date.now();
  let shown = 0;
  let unchecked = 0;
  for (const node of templates) {
    const verdict = matchesFilter(filter, node.summary, context.model.getLoadedTemplate(node), now);
    shown += verdict === true ? 1 : 0;
    unchecked += verdict === undefined ? 1 : 0;
  }
  const matching = shown.toLocaleString('en-US');
  if (unchecked === 0) {
    return vscode.l10n.t({
      message: '{0} of {1} templates match {2}.',
      args: [matching, total, described],
      comment: '{2} describes the filter',
    });
  }
  return vscode.l10n.t({
    message: '{0} of {1} templates match {2} so far; {3} need their details loaded first.',
    args: [matching, total, described, unchecked.toLocaleString('en-US')],
    comment: '{2} describes the filter',
  });
}
