import * as vscode from 'vscode';
import type { CommandContext } from './context';
import { nodeOfKind, pickRegistry } from './pickers';

/**
 * Lists every row a long list leaves out: the "Show all N" row under a registry or a template.
 * Without a row (a keybinding), it shows every template of a registry chosen in a quick pick.
 */
export async function showAll(context: CommandContext, arg?: unknown): Promise<void> {
  const node = nodeOfKind(arg, 'more', 'template', 'registry');
  const parent = node?.kind === 'more'
    ? node.parent
    : node ?? (await pickRegistry(context.model, vscode.l10n.t('Show All Templates')));
  if (!parent) {
    return;
  }
  context.listing.showAll(parent);
  await context.treeView.reveal(parent, { expand: true, select: false, focus: false });
}
