import { runLimited } from './concurrency';
import type { RegistryNode, TemplateNode } from './nodes';
import type { RegistryTreeModel } from './registryTreeModel';

export interface DetailLoadProgress {
  /** Templates handled so far, loaded or failed. */
  done: number;
  /** Templates whose details had to be read. */
  total: number;
  failed: number;
}

export interface DetailLoadResult extends DetailLoadProgress {
  /** Every template of the registry, as listed. */
  templates: TemplateNode[];
  cancelled: boolean;
  /** The first failure, for the message; the others are in the log. */
  firstError: Error | undefined;
}

export interface DetailLoadOptions {
  /** Detail requests in flight at once. */
  concurrency: number;
  signal?: AbortSignal;
  onProgress?: (progress: DetailLoadProgress) => void;
}

/**
 * Reads the details of every template of a registry that has none loaded yet, at most
 * `concurrency` at a time, through the tree model so that its cache and its rows share them.
 * A failed template is counted, not thrown: the others still load. Listing failures throw.
 */
export async function loadMissingDetails(
  model: RegistryTreeModel,
  registry: RegistryNode,
  options: DetailLoadOptions,
): Promise<DetailLoadResult> {
  const templates = await listTemplates(model, registry);
  const missing = templates.filter((node) => model.getLoadedTemplate(node) === undefined);
  const progress: DetailLoadProgress = { done: 0, total: missing.length, failed: 0 };
  let firstError: Error | undefined;
  options.onProgress?.({ ...progress });
  await runLimited(
    missing,
    options.concurrency,
    async (node) => {
      const children = await model.getChildren(node);
      const failure = children.find((child) => child.kind === 'error');
      if (failure?.kind === 'error') {
        progress.failed++;
        firstError ??= failure.error;
      }
      progress.done++;
      options.onProgress?.({ ...progress });
    },
    options.signal,
  );
  const cancelled = options.signal?.aborted === true && progress.done < progress.total;
  return { ...progress, templates, cancelled, firstError };
}

/** The registry's templates as the model lists them; a failed list throws its error. */
export async function listTemplates(
  model: RegistryTreeModel,
  registry: RegistryNode,
): Promise<TemplateNode[]> {
  const children = await model.getChildren(registry);
  const failure = children.find((child) => child.kind === 'error');
  if (failure?.kind === 'error') {
    throw failure.error;
  }
  return children.filter((child): child is TemplateNode => child.kind === 'template');
}
