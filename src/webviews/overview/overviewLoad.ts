import type * as vscode from 'vscode';
import { describeError, type DiskUsage } from '../../registry';
import { loadMissingDetails, type DetailLoadProgress } from '../../tree/detailLoader';
import type { RegistryNode, TemplateNode } from '../../tree/nodes';
import { computeOverview } from '../../tree/registryOverview';
import type { RegistryTreeModel } from '../../tree/registryTreeModel';
import type { CachedOverview } from './overviewPanel';

export interface OverviewLoad {
  model: RegistryTreeModel;
  log: vscode.LogOutputChannel;
  registry: RegistryNode;
  concurrency: number;
  signal: AbortSignal;
  onProgress: (progress: DetailLoadProgress) => void;
}

/**
 * Reads what the overview needs and is not loaded yet (every template's details, the disk) and
 * computes the figures. A failed template is counted; a failed list throws.
 */
export async function loadOverview(load: OverviewLoad): Promise<CachedOverview> {
  const { model, registry } = load;
  const result = await loadMissingDetails(model, registry, {
    concurrency: load.concurrency,
    signal: load.signal,
    onProgress: load.onProgress,
  });
  const disk = await readDisk(load);
  const byId = new Map<string, TemplateNode>(
    result.templates.map((node) => [node.summary.id, node]),
  );
  const overview = computeOverview({
    summaries: result.templates.map((node) => node.summary),
    detailOf: (id) => {
      const node = byId.get(id);
      return node && model.getLoadedTemplate(node);
    },
    disk,
    nowMillis: Date.now(),
  });
  if (result.failed > 0) {
    load.log.error(
      `Registry Overview of ${registry.entry.name}: ${result.failed} templates could not be ` +
        `read; the first: ${describeError(result.firstError)}`,
    );
  }
  const firstFailure = result.firstError ? describeError(result.firstError) : undefined;
  return {
    overview,
    gaps: { cancelled: result.cancelled, failed: result.failed, firstFailure },
  };
}

/** The disk as read now; the tree's last reading when that fails. */
async function readDisk(load: OverviewLoad): Promise<DiskUsage | undefined> {
  const state = load.model.getState(load.registry);
  try {
    return await state.client.getDisk({ signal: load.signal });
  } catch (error) {
    load.log.error(`Registry Overview of ${load.registry.entry.name}: ${describeError(error)}`);
    return state.health.state === 'ok' ? state.health.disk : undefined;
  }
}
