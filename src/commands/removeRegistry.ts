import * as vscode from 'vscode';
import { readRegistries, removeRegistryEntry } from '../config/settings';
import { asTreeNode, type CommandContext } from './context';
import { pickRegistry } from './pickers';

/** Removes a registry from the settings after a confirmation; nothing on the registry changes. */
export async function removeRegistry(context: CommandContext, arg?: unknown): Promise<void> {
  const clicked = asTreeNode(arg);
  const node =
    clicked?.kind === 'registry'
      ? clicked
      : await pickRegistry(context.model, vscode.l10n.t('Remove Registry'));
  if (!node) {
    return;
  }
  const { name, url } = node.entry;
  const remove = vscode.l10n.t('Remove');
  const unchanged = [
    vscode.l10n.t('Only the entry in your settings and its stored credentials are removed.'),
    vscode.l10n.t('The registry and its templates are not changed.'),
  ].join(' ');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Remove the registry "{0}" from the Registries view?', name),
    { modal: true, detail: `${url}\n\n${unchanged}` },
    remove,
  );
  if (choice !== remove) {
    return;
  }
  const removed = await removeRegistryEntry(node.entry);
  if (!removed) {
    void vscode.window.showWarningMessage(vscode.l10n.t(
      'The registry "{0}" was not found in the settings; it may have been edited meanwhile.',
      name,
    ));
    return;
  }
  // The same registry may be configured twice; its secrets go with the last entry.
  const twin = readRegistries().entries.some((entry) => entry.name === name && entry.url === url);
  if (!twin) {
    await context.secrets.delete(node.entry);
  }
  context.log.info(`Removed registry "${name}" at ${url}`);
}
