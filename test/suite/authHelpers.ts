import * as vscode from 'vscode';
import type { AnkaRegistryApi } from '../../src/extension';
import type { ErrorNode, RegistryNode, TreeNode } from '../../src/tree/nodes';
import { ROOT_TOKEN } from './authFixtures';
import { setRegistries, waitFor } from './helpers';

/** A registry entry as stored in the settings, connection fields included. */
export type Entry = { name: string; url: string } & Record<string, unknown>;

/** Configures `entries` and waits until the tree shows exactly them. */
export async function configure(api: AnkaRegistryApi, entries: Entry[]): Promise<RegistryNode[]> {
  await setRegistries(entries as Array<{ name: string; url: string }>);
  const names = entries.map((entry) => entry.name).join('\n');
  return waitFor(
    () => api.provider.getChildren() as Promise<RegistryNode[]>,
    (nodes) => nodes.map((node) => node.entry.name).join('\n') === names,
    'the configured registries',
  );
}

export function hasTemplates(nodes: TreeNode[]): boolean {
  return nodes.some((node) => node.kind === 'template');
}

export function templatesUnder(api: AnkaRegistryApi, node: RegistryNode): Promise<TreeNode[]> {
  const what = `the templates of ${node.entry.name}`;
  return waitFor(() => api.provider.getChildren(node), hasTemplates, what);
}

export async function errorUnder(api: AnkaRegistryApi, node: RegistryNode): Promise<ErrorNode> {
  const children = await waitFor(
    () => api.provider.getChildren(node),
    (nodes) => nodes[0]?.kind === 'error',
    `an error row under ${node.entry.name}`,
  );
  return children[0] as ErrorNode;
}

export function storedEntries(): Entry[] {
  const stored = vscode.workspace.getConfiguration('ankaRegistry').get<Entry[]>('registries');
  return (stored ?? []).map((entry) => ({ ...entry }));
}

export function rootHeader(token = ROOT_TOKEN): string {
  return `Basic ${Buffer.from(`root:${token}`).toString('base64')}`;
}

/** Creates an API key with the root token; the registry answers its generated private key. */
export async function createKeyAsRoot(url: string, id: string): Promise<string> {
  const response = await fetch(`${url}/v1/apikey`, {
    method: 'POST',
    headers: { authorization: rootHeader() },
    body: JSON.stringify({ id, ttl: 3600, groups: ['ci'] }),
  });
  const envelope = (await response.json()) as { body: string };
  return envelope.body;
}

/** The inline actions the package's menus show on a row with this context value. */
export function inlineActions(contextValue: string): string[] {
  const extension = vscode.extensions.getExtension('macci-tools.anka-registry-explorer');
  const menus = extension?.packageJSON.contributes.menus['view/item/context'] as Array<{
    command: string;
    when: string;
    group: string;
  }>;
  return menus
    .filter((menu) => menu.group.startsWith('inline'))
    .filter((menu) => {
      const pattern = /viewItem =~ \/(.*)\/$/.exec(menu.when)?.[1];
      return pattern !== undefined && new RegExp(pattern).test(contextValue);
    })
    .map((menu) => menu.command)
    .sort();
}
