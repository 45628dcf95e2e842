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

const TITLE = 'Filter Templates';

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
    : node ?? (await pickRegistry(context.model, TITLE));
  if (!registry) {
    return;
  }
  let templates: TemplateNode[];
  try {
    templates = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `${TITLE}: listing templates` },
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
    void vscode.window.showErrorMessage(`Filter Templates: ${parsed.message}.`);
    return;
  }
  if (filterNeedsDetails(parsed.filter)) {
    const outcome = await ensureDetails(context, registry, {
      purpose: `Filtering by ${parsed.filter.arch ? 'arch' : 'the last pull'}`,
      without: 'are left out and counted as "not checked"',
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
    title: `Filter Templates of "${registry.entry.name}"`,
    value: current ? formatFilter(current) : '',
    placeHolder: 'Part of a name; arch:arm64 or arch:amd64; unpulled:90 (days). Empty clears.',
    prompt: 'Words match template names (any case); arch:… and unpulled:DAYS narrow further.',
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
    return `No filter: all ${total} templates show.`;
  }
  const now = Date.now();
  let shown = 0;
  let unchecked = 0;
  for (const node of templates) {
    const verdict = matchesFilter(filter, node.summary, context.model.getLoadedTemplate(node), now);
    shown += verdict === true ? 1 : 0;
    unchecked += verdict === undefined ? 1 : 0;
  }
  const count = `${shown.toLocaleString('en-US')} of ${total} templates match ${described}`;
  if (unchecked === 0) {
    return `${count}.`;
  }
  return `${count} so far; ${unchecked.toLocaleString('en-US')} need their details loaded first.`;
}
