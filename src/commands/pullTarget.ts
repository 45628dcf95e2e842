import * as vscode from 'vscode';
import type { RegistryNode, TagNode, TemplateNode, TreeNode } from '../tree/nodes';
import type { CommandContext } from './context';
import { pickTemplate } from './pickers';

function pullTitle(): string {
  return vscode.l10n.t('Pull Template');
}

/** What to pull: a template's tag, or its newest tag when `tag` is undefined. */
/** The CLI option for a pull that removes the other local tags, shown as it is typed. */
const SHRINK_OPTION = '-s';

export interface PullTarget {
  registry: RegistryNode;
  templateId: string;
  templateName: string;
  tag: string | undefined;
  /** The template's row, to refresh after the pull. */
  templateNode: TemplateNode | undefined;
  shrink: boolean;
}

/** From a tag or template row, or with quick picks from the palette; then with shrink or not. */
export async function choosePullTarget(
  context: CommandContext,
  clicked: TagNode | TemplateNode | undefined,
): Promise<PullTarget | undefined> {
  const base = clicked ? fromNode(context, clicked) : await fromPalette(context);
  if (!base) {
    return undefined;
  }
  const shrink = await pickShrink(base.templateName, base.tag);
  return shrink === undefined ? undefined : { ...base, shrink };
}

type BaseTarget = Omit<PullTarget, 'shrink'>;

function fromNode(context: CommandContext, node: TagNode | TemplateNode): BaseTarget | undefined {
  if (node.kind === 'template') {
    const { id, name } = node.summary;
    return {
      registry: node.registry,
      templateId: id,
      templateName: name,
      tag: undefined,
      templateNode: node,
    };
  }
  const { template, version, registry } = node;
  if (version.tag === '' && !node.isNewest) {
    void vscode.window.showInformationMessage(vscode.l10n.t(
      'Version {0} of {1} has no tag, and the anka CLI pulls by tag.',
      version.number,
      template.name,
    ));
    return undefined;
  }
  return {
    registry,
    templateId: template.id,
    templateName: template.name,
    // An untagged newest version is what a pull without -t gets.
    tag: version.tag === '' ? undefined : version.tag,
    templateNode: context.model.findTemplateNode(registry, template.id),
  };
}

async function fromPalette(context: CommandContext): Promise<BaseTarget | undefined> {
  const template = await pickTemplate(context.model, pullTitle());
  if (!template) {
    return undefined;
  }
  const children = await context.model.getChildren(template);
  const failed = children.find((node) => node.kind === 'error');
  if (failed?.kind === 'error') {
    void vscode.window.showErrorMessage(failed.error.message);
    return undefined;
  }
  const tags = children.filter((node): node is TagNode => node.kind === 'tag');
  const tag = await pickTag(template.summary.name, tags);
  if (tag === undefined) {
    return undefined;
  }
  const { id, name } = template.summary;
  return {
    registry: template.registry,
    templateId: id,
    templateName: name,
    tag: tag.newest ? undefined : tag.tag,
    templateNode: template,
  };
}

type TagChoice = { newest: true } | { newest: false; tag: string };

async function pickTag(templateName: string, tags: TagNode[]): Promise<TagChoice | undefined> {
  type Item = vscode.QuickPickItem & { choice: TagChoice };
  const newest: Item = {
    label: `$(star-empty) ${vscode.l10n.t('Newest tag')}`,
    description: vscode.l10n.t('no -t'),
    detail: vscode.l10n.t('Whichever tag is the newest when the pull starts'),
    choice: { newest: true },
  };
  const items: Item[] = tags
    .filter((node) => node.version.tag !== '')
    .map((node) => ({
      label: node.version.tag,
      description: node.isNewest
        ? vscode.l10n.t('#{0} · newest', node.version.number)
        : `#${node.version.number}`,
      detail: node.version.description || undefined,
      choice: { newest: false, tag: node.version.tag },
    }));
  const picked = await vscode.window.showQuickPick([newest, ...items], {
    title: pullTitle(),
    placeHolder: vscode.l10n.t('Choose the tag of {0} to pull', templateName),
    matchOnDescription: true,
    ignoreFocusOut: true,
  });
  return picked?.choice;
}

async function pickShrink(
  templateName: string,
  tag: string | undefined,
): Promise<boolean | undefined> {
  const label = `${templateName} · ${tag ?? vscode.l10n.t('newest tag')}`;
  const items: Array<vscode.QuickPickItem & { shrink: boolean }> = [
    {
      label: `$(cloud-download) ${vscode.l10n.t('Pull')}`,
      detail: vscode.l10n.t('Download {0} and keep the template\'s other tags on this Mac', label),
      shrink: false,
    },
    {
      label: `$(archive) ${vscode.l10n.t('Pull and Remove Other Local Tags')}`,
      description: SHRINK_OPTION,
      detail: vscode.l10n.t(
        'Download {0}, then delete the template\'s other tags on this Mac to save space',
        label,
      ),
      shrink: true,
    },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Pull Template: {0}', label),
    placeHolder: vscode.l10n.t('Pull to this Mac'),
    ignoreFocusOut: true,
  });
  return picked?.shrink;
}

export function isPullNode(node: TreeNode | undefined): node is TagNode | TemplateNode {
  return node?.kind === 'tag' || node?.kind === 'template';
}
