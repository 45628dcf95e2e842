import * as vscode from 'vscode';
import { addressOf } from '../details/configStore';
import { previousVersion, tagLabel } from '../details/versions';
import type { TagNode } from '../tree/nodes';
import { pickOtherVersion } from '../views/versionPicker';
import { asTreeNode, type CommandContext } from './context';
import { fromTagNode, tagTarget, type TagTarget } from './detailsTargets';

/**
 * "Compare with...": a diff of two tags' VM configs, the older on the left. Two tags of one
 * template selected in the tree are compared at once; otherwise the second tag is asked for.
 */
export async function compareTags(
  context: CommandContext,
  arg?: unknown,
  selection?: unknown,
): Promise<void> {
  const pair = selectedPair(selection);
  if (pair) {
    await openDiff(context, fromTagNode(pair[0]), pair[1].version);
    return;
  }
  const target = await tagTarget(context.model, arg, vscode.l10n.t('Compare Tags'));
  if (!target) {
    return;
  }
  const title = vscode.l10n.t('Compare {0} with…', tagLabel(target.version));
  const other = await pickOtherVersion(target.template, target.version, title);
  if (other) {
    await openDiff(context, target, other);
  }
}

/** Diffs a tag's VM config against the tag just before it. */
export async function compareWithPrevious(context: CommandContext, arg?: unknown): Promise<void> {
  const target = await tagTarget(
    context.model, arg, vscode.l10n.t('Compare with Previous Tag'),
  );
  if (!target) {
    return;
  }
  const previous = previousVersion(target.template, target.version);
  if (!previous) {
    context.log.info(`Compare with previous: ${tagLabel(target.version)} is the oldest tag`);
    void vscode.window.showInformationMessage(vscode.l10n.t(
      '"{0}" is the oldest tag of {1}; there is no tag before it to compare with.',
      tagLabel(target.version),
      target.template.name,
    ));
    return;
  }
  await openDiff(context, target, previous);
}

async function openDiff(
  context: CommandContext,
  target: TagTarget,
  other: TagTarget['version'],
): Promise<void> {
  await context.details.documents.diff(
    addressOf(target.registry, target.template, other),
    addressOf(target.registry, target.template, target.version),
  );
}

/** Exactly two tags of the same template, as a multi-selection in the tree hands them over. */
function selectedPair(selection: unknown): [TagNode, TagNode] | undefined {
  if (!Array.isArray(selection) || selection.length !== 2) {
    return undefined;
  }
  const [first, second] = selection.map(asTreeNode);
  if (first?.kind !== 'tag' || second?.kind !== 'tag') {
    return undefined;
  }
  const sameTemplate =
    first.template.id === second.template.id &&
    first.registry.entry.url === second.registry.entry.url;
  const distinct = first.version.number !== second.version.number;
  return sameTemplate && distinct ? [first, second] : undefined;
}
