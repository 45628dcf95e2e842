import * as vscode from 'vscode';
import type { RegistryNode } from '../tree/nodes';
import type { RegistryTreeModel } from '../tree/registryTreeModel';

/** Asks which configured registry to act on; undefined when there is none or the user cancels. */
export async function pickRegistry(
  model: RegistryTreeModel,
  title: string,
): Promise<RegistryNode | undefined> {
  const registries = model.getRegistries();
  if (registries.length === 0) {
    void vscode.window.showInformationMessage('No Anka Registry is configured yet.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    registries.map((node) => ({ label: node.entry.name, description: node.entry.url, node })),
    { title, placeHolder: 'Choose a registry' },
  );
  return picked?.node;
}
