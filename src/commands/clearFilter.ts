import * as vscode from 'vscode';
import type { RegistryNode } from '../tree/nodes';
import { describeFilter } from '../tree/templateFilter';
import type { CommandContext } from './context';
import { nodeOfKind } from './pickers';

/** Clears a registry's filter: the one clicked, or one chosen from the filtered registries. */
export async function clearFilter(context: CommandContext, arg?: unknown): Promise<void> {
  const node = nodeOfKind(arg, 'registry', 'template');
  const clicked = node?.kind === 'template' ? node.registry : node;
  if (clicked) {
    context.listing.clearFilter(clicked);
    return;
  }
  const filtered = context.model
    .getRegistries()
    .filter((registry) => context.listing.filterOf(registry) !== undefined);
  if (filtered.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('No registry in the view has a filter.'),
    );
    return;
  }
  const chosen = filtered.length === 1 ? filtered : await pickFiltered(context, filtered);
  chosen?.forEach((registry) => context.listing.clearFilter(registry));
}

async function pickFiltered(
  context: CommandContext,
  filtered: RegistryNode[],
): Promise<RegistryNode[] | undefined> {
  const picked = await vscode.window.showQuickPick(
    filtered.map((registry) => ({
      label: registry.entry.name,
      description: describeFilter(context.listing.filterOf(registry) ?? {}),
      registry,
    })),
    {
      title: vscode.l10n.t('Clear Filter'),
      placeHolder: vscode.l10n.t('Choose the registries to show unfiltered'),
      canPickMany: true,
    },
  );
  return picked?.map((item) => item.registry);
}
