import * as vscode from 'vscode';
import { describeError } from '../registry';
import type { RegistryNode, TagNode, TemplateNode, TreeNode } from '../tree/nodes';
import type { RegistryTreeModel } from '../tree/registryTreeModel';
import { asTreeNode } from './context';

/**
 * Quick picks for commands run from the palette: registry, then template, then tag, as far as a
 * command needs. Each returns undefined when the user cancels or there is nothing to pick.
 * They stay open when focus moves: a walkthrough button that runs a command refocuses its step.
 */

export async function pickRegistry(
  model: RegistryTreeModel,
  title: string,
): Promise<RegistryNode | undefined> {
  const registries = model.getRegistries();
  if (registries.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('No Anka Registry is configured yet.'),
    );
    return undefined;
  }
  if (registries.length === 1) {
    return registries[0];
  }
  const picked = await vscode.window.showQuickPick(
    registries.map((node) => ({ label: node.entry.name, description: node.entry.url, node })),
    { title, placeHolder: vscode.l10n.t('Choose a registry'), ignoreFocusOut: true },
  );
  return picked?.node;
}

/** Loads children for a picker; an error node becomes an error message. */
async function loadChildren(
  model: RegistryTreeModel,
  parent: TreeNode,
  title: string,
): Promise<TreeNode[] | undefined> {
  const children = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Window,
      title: vscode.l10n.t({
        message: '{0}: loading…',
        args: [title],
        comment: '{0}: a command',
      }),
    },
    () => model.getChildren(parent),
  );
  const failed = children.find((node) => node.kind === 'error');
  if (failed?.kind === 'error') {
    void vscode.window.showErrorMessage(describeError(failed.error));
    return undefined;
  }
  return children;
}

export async function pickTemplate(
  model: RegistryTreeModel,
  title: string,
  registry?: RegistryNode,
): Promise<TemplateNode | undefined> {
  const from = registry ?? (await pickRegistry(model, title));
  if (!from) {
    return undefined;
  }
  const children = await loadChildren(model, from, title);
  const templates = (children ?? []).filter(
    (node): node is TemplateNode => node.kind === 'template',
  );
  if (children && templates.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('The registry "{0}" has no templates.', from.entry.name),
    );
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    templates.map((node) => ({ label: node.summary.name, description: node.summary.id, node })),
    {
      title,
      placeHolder: vscode.l10n.t('Choose a template of {0}', from.entry.name),
      matchOnDescription: true,
      ignoreFocusOut: true,
    },
  );
  return picked?.node;
}

export async function pickTag(
  model: RegistryTreeModel,
  title: string,
  template?: TemplateNode,
  exclude?: TagNode,
): Promise<TagNode | undefined> {
  const from = template ?? (await pickTemplate(model, title));
  if (!from) {
    return undefined;
  }
  const children = await loadChildren(model, from, title);
  const tags = (children ?? [])
    .filter((node): node is TagNode => node.kind === 'tag')
    .filter((node) => node.id !== exclude?.id);
  if (children && tags.length === 0) {
    const name = from.summary.name;
    void vscode.window.showInformationMessage(exclude
      ? vscode.l10n.t('The template "{0}" has no other tags.', name)
      : vscode.l10n.t('The template "{0}" has no tags.', name));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    tags.map((node) => ({
      label: node.version.tag || vscode.l10n.t('(version {0})', node.version.number),
      description: node.isNewest
        ? vscode.l10n.t('#{0} · newest', node.version.number)
        : `#${node.version.number}`,
      detail: node.version.description || undefined,
      node,
    })),
    {
      title,
      placeHolder: vscode.l10n.t('Choose a tag of {0}', from.summary.name),
      ignoreFocusOut: true,
    },
  );
  return picked?.node;
}

/** The node a command was invoked on, if it is of one of the wanted kinds. */
export function nodeOfKind<K extends TreeNode['kind']>(
  arg: unknown,
  ...kinds: K[]
): Extract<TreeNode, { kind: K }> | undefined {
  const node = asTreeNode(arg);
  return node && (kinds as string[]).includes(node.kind)
    ? (node as Extract<TreeNode, { kind: K }>)
    : undefined;
}
