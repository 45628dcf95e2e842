import * as vscode from 'vscode';
import type { CommandContext } from './context';
import { nodeOfKind, pickTag } from './pickers';

/**
 * Opens a template's details panel: on the clicked tag, on the newest tag for a template row,
 * or on a tag chosen in quick picks from the palette. One panel per template, reused.
 */
export async function showDetails(context: CommandContext, arg?: unknown): Promise<void> {
  const node = nodeOfKind(arg, 'tag', 'template');
  if (node?.kind === 'template') {
    context.details.panels.show({
      registry: node.registry.entry,
      templateId: node.summary.id,
      templateName: node.summary.name,
      template: context.model.getLoadedTemplate(node),
    });
    return;
  }
  const tag = node ?? (await pickTag(context.model, vscode.l10n.t('Show Template Details')));
  if (!tag) {
    return;
  }
  context.details.panels.show({
    registry: tag.registry.entry,
    templateId: tag.template.id,
    templateName: tag.template.name,
    template: tag.template,
    version: tag.version.number,
  });
}
