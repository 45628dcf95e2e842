import * as vscode from 'vscode';
import type { CommandContext } from './context';
import { nodeOfKind, pickRegistry } from './pickers';

/**
 * Opens the Registry Overview of the clicked registry (or one chosen from the palette): disk,
 * largest and stale templates, arches. Figures computed before show with their age.
 */
export async function showRegistryOverview(context: CommandContext, arg?: unknown): Promise<void> {
  const node = nodeOfKind(arg, 'registry', 'template');
  const registry = node?.kind === 'template'
    ? node.registry
    : node ?? (await pickRegistry(context.model, vscode.l10n.t('Show Registry Overview')));
  if (registry) {
    context.overviews.show(registry);
  }
}
