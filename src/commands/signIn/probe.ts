import * as vscode from 'vscode';
import { pluralize } from '../../format';
import { templateCount } from '../counts';
import type { RegistryStatus } from '../../registry';
import type { RegistrySecrets } from '../../registry/auth';
import type { RegistryEntry } from '../../tree/nodes';
import type { CommandContext } from '../context';

export type ProbeResult =
  | { ok: true; status: RegistryStatus; templates: number }
  | { ok: false; error: Error }
  | 'cancelled';

/**
 * Checks that a registry answers and that the given credentials (or the stored ones) can list
 * its templates: the status alone is open on registries that protect everything else.
 */
export async function probeRegistry(
  context: CommandContext,
  entry: RegistryEntry,
  secrets?: RegistrySecrets,
): Promise<ProbeResult> {
  const timeoutMs = Math.min(15_000, vscode.workspace.getConfiguration('ankaRegistry')
    .get<number>('requestTimeout', 30) * 1000);
  const client = context.connections.createClient(entry, { secrets, timeoutMs });
  try {
    return await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Checking {0}…', entry.url),
        cancellable: true,
      },
      async (_progress, token) => {
        const controller = new AbortController();
        const subscription = token.onCancellationRequested(() => controller.abort());
        try {
          const status = await client.getStatus({ signal: controller.signal });
          const templates = await client.listTemplates({ signal: controller.signal });
          return { ok: true as const, status, templates: templates.length };
        } catch (error) {
          if (token.isCancellationRequested) {
            return 'cancelled' as const;
          }
          const failure = error instanceof Error ? error : new Error(String(error));
          return { ok: false as const, error: failure };
        } finally {
          subscription.dispose();
        }
      },
    );
  } finally {
    void client.close();
  }
}

/** "Anka Registry 1.44.0, running, 3 templates", for messages. */
export function describeStatus(status: RegistryStatus, templates: number): string {
  const state = status.state ?? vscode.l10n.t('state unknown');
  const count = templateCount(templates);
  return status.version
    ? vscode.l10n.t('Anka Registry {0}, {1}, {2}', status.version, state, count)
    : vscode.l10n.t('Anka Registry, {0}, {1}', state, count);
}

/** The same in English, for the log. */
export function statusForLog(status: RegistryStatus, templates: number): string {
  const version = status.version ? ` ${status.version}` : '';
  const state = status.state ?? 'state unknown';
  return `Anka Registry${version}, ${state}, ${pluralize(templates, 'template')}`;
}
