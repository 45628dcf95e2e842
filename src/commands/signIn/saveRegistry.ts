import * as vscode from 'vscode';
import { updateRegistryEntry } from '../../config/settings';
import type { RegistrySecrets } from '../../registry/auth';
import type { RegistryEntry, RegistryNode, TreeNode } from '../../tree/nodes';
import type { CommandContext } from '../context';
import { asTreeNode } from '../context';

/**
 * Stores a changed registry: its secrets first (so the new client finds them), then the settings
 * entry, then drops the secrets left under an old name or URL. `secrets` undefined keeps them.
 */
export async function saveRegistry(
  context: CommandContext,
  previous: RegistryEntry,
  next: RegistryEntry,
  secrets?: RegistrySecrets,
): Promise<boolean> {
  const moved = context.secrets.keyOf(previous) !== context.secrets.keyOf(next);
  const kept = secrets ?? (moved ? await context.secrets.get(previous) : undefined);
  if (kept !== undefined) {
    await context.secrets.replace(next, kept);
  }
  const saved = await updateRegistryEntry(previous, next);
  if (!saved) {
    void vscode.window.showWarningMessage(vscode.l10n.t(
      'The registry "{0}" was not found in the settings; it may have been edited meanwhile.',
      previous.name,
    ));
    return false;
  }
  if (moved) {
    await context.secrets.delete(previous);
  }
  const node = findRegistry(context, next);
  if (node) {
    context.model.refresh(node);
  }
  return true;
}

export function findRegistry(context: CommandContext, entry: { name: string; url: string }) {
  return context.model
    .getRegistries()
    .find((node) => node.entry.name === entry.name && node.entry.url === entry.url);
}

/** The registry a command was called on: its row, a row under it, or its name. */
export function registryFromArgument(
  context: CommandContext,
  arg: unknown,
): RegistryNode | undefined {
  if (typeof arg === 'string') {
    return context.model.getRegistries().find((node) => node.entry.name === arg);
  }
  const node: TreeNode | undefined = asTreeNode(arg);
  switch (node?.kind) {
    case 'registry':
      return node;
    case 'template':
    case 'tag':
      return node.registry;
    case 'error':
      return node.parent.kind === 'registry' ? node.parent : node.parent.registry;
    default:
      return undefined;
  }
}
