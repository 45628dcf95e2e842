import * as vscode from 'vscode';
import { setSortTemplatesBy } from '../config/listSettings';
import {
  isSortKey, SORT_KEYS, SORT_LABELS, sortNeedsDetails, type TemplateSortKey,
} from '../tree/templateSort';
import type { CommandContext } from './context';
import { ensureDetails } from './ensureDetails';

/**
 * Chooses the order of templates (setting `ankaRegistry.sortTemplatesBy`); `arg` gives it
 * without asking. Orders by date need details: registries listed in the view without them load
 * them first (asking when many are missing); templates left without them go last.
 */
export async function sortTemplates(context: CommandContext, arg?: unknown): Promise<void> {
  const key = isSortKey(arg) ? arg : await askOrder(context.listing.sort);
  if (!key) {
    return;
  }
  if (sortNeedsDetails(key)) {
    // Before the order changes: Cancel leaves everything as it was.
    for (const registry of context.model.getRegistries()) {
      if (!context.listing.templatesOf(registry)) {
        continue;
      }
      const outcome = await ensureDetails(context, registry, {
        needs: (count, name) => sortNeeds(key, count, name),
        without: vscode.l10n.t('Templates without details follow the others, by name.'),
        ask: !isSortKey(arg),
      });
      if (outcome === 'cancelled') {
        return;
      }
    }
  }
  await setSortTemplatesBy(key);
  // The setting's listener does this too; here the view follows at once.
  context.listing.setSort(key);
}

/** The question before loading details for an order by date. */
function sortNeeds(key: TemplateSortKey, count: string, registry: string): string {
  if (key === 'lastPush') {
    return vscode.l10n.t(
      'Sorting by last push (newest first) needs the details of {0} templates of "{1}".',
      count,
      registry,
    );
  }
  return vscode.l10n.t(
    'Sorting by last pull (longest unpulled first) needs the details of {0} templates of "{1}".',
    count,
    registry,
  );
}

async function askOrder(current: TemplateSortKey): Promise<TemplateSortKey | undefined> {
  const picked = await vscode.window.showQuickPick(
    SORT_KEYS.map((key) => ({
      label: SORT_LABELS[key],
      description: key === current ? vscode.l10n.t('(current)') : undefined,
      key,
    })),
    {
      title: vscode.l10n.t('Sort Templates By'),
      placeHolder: vscode.l10n.t('Choose the order of templates in every registry'),
    },
  );
  return picked?.key;
}
