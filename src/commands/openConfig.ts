import * as vscode from 'vscode';
import { addressOf } from '../details/configStore';
import type { CommandContext } from './context';
import { tagTarget } from './detailsTargets';

/** Opens a tag's VM config as a read-only YAML document (the newest tag for a template row). */
export async function openConfig(context: CommandContext, arg?: unknown): Promise<void> {
  const target = await tagTarget(context.model, arg, vscode.l10n.t('Open VM Config'));
  if (!target) {
    return;
  }
  await context.details.documents.open(addressOf(target.registry, target.template, target.version));
}
