import * as vscode from 'vscode';
import { newestVersion } from '../details/versions';
import type { Template, TemplateVersion } from '../registry/models';
import type { RegistryEntry, TagNode, TemplateNode } from '../tree/nodes';
import type { RegistryTreeModel } from '../tree/registryTreeModel';
import { nodeOfKind, pickTag } from './pickers';

/** A tag the details commands work on: from a tree row, or asked for in quick picks. */
export interface TagTarget {
  registry: RegistryEntry;
  template: Template;
  version: TemplateVersion;
}

/**
 * The tag a command was invoked on; a template row means its newest tag. Without a row (the
 * palette) it asks for registry, template and tag; undefined when the user cancels.
 */
export async function tagTarget(
  model: RegistryTreeModel,
  arg: unknown,
  title: string,
): Promise<TagTarget | undefined> {
  const node = nodeOfKind(arg, 'tag', 'template');
  if (node?.kind === 'template') {
    return newestOfTemplate(model, node);
  }
  const tag = node ?? (await pickTag(model, title));
  return tag ? fromTagNode(tag) : undefined;
}

export function fromTagNode(node: TagNode): TagTarget {
  return { registry: node.registry.entry, template: node.template, version: node.version };
}

/** The template's newest tag, loading the template through the tree when needed. */
async function newestOfTemplate(
  model: RegistryTreeModel,
  node: TemplateNode,
): Promise<TagTarget | undefined> {
  const children = await model.getChildren(node);
  const failed = children.find((child) => child.kind === 'error');
  if (failed?.kind === 'error') {
    throw failed.error;
  }
  const template =
    model.getLoadedTemplate(node) ??
    children.map((child) => (child.kind === 'tag' ? child.template : undefined)).find(Boolean);
  const version = template && newestVersion(template);
  if (!template || !version) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('The template "{0}" has no tags.', node.summary.name),
    );
    return undefined;
  }
  return { registry: node.registry.entry, template, version };
}
