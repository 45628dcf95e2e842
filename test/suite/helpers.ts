import * as vscode from 'vscode';
import type { AnkaRegistryApi } from '../../src/extension';
import type { TreeNode } from '../../src/tree/nodes';

export const EXTENSION_ID = 'macci-tools.anka-registry-explorer';

export async function activateExtension(): Promise<AnkaRegistryApi> {
  const extension = vscode.extensions.getExtension<AnkaRegistryApi>(EXTENSION_ID);
  if (!extension) {
    throw new Error(`${EXTENSION_ID} is not installed in this VS Code`);
  }
  return extension.activate();
}

export async function setRegistries(entries: Array<{ name: string; url: string }>): Promise<void> {
  await vscode.workspace
    .getConfiguration('ankaRegistry')
    .update('registries', entries, vscode.ConfigurationTarget.Global);
}

/** Resolves once the tree announces a change, or after `ms` (a change may have come already). */
export function settle(ms = 200): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function waitFor<T>(
  read: () => Promise<T> | T,
  accept: (value: T) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const started = Date.now();
  let last: T = await read();
  while (!accept(last)) {
    if (Date.now() - started > timeoutMs) {
      throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    }
    await settle(100);
    last = await read();
  }
  return last;
}

export function labelOf(api: AnkaRegistryApi, node: TreeNode): string {
  const label = api.provider.getTreeItem(node).label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

export function descriptionOf(api: AnkaRegistryApi, node: TreeNode): string {
  const description = api.provider.getTreeItem(node).description;
  return typeof description === 'string' ? description : '';
}
