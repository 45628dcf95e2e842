import type { DiskUsage, Template, VmConfig } from '../../registry/models';
import type { RegistryEntry } from '../../tree/nodes';

/** What the details panel shows, as plain data; the renderers turn it into HTML. */

export type Load<T> =
  | { state: 'loading' }
  | { state: 'ready'; value: T }
  | { state: 'failed'; message: string };

export interface DetailsView {
  registry: RegistryEntry;
  templateId: string;
  /** Known before the template loads, from the tree or the saved state. */
  templateName: string;
  template: Load<Template>;
  /** The version number shown. */
  selected: number | undefined;
  /** The selected tag's VM config. */
  config: Load<VmConfig>;
  disk: Load<DiskUsage>;
  revealSecrets: boolean;
  /** For relative dates; passed in so that rendering is repeatable. */
  nowMillis: number;
}

export const LOADING = { state: 'loading' } as const;
