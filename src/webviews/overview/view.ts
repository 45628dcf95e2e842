import type { DetailLoadProgress } from '../../tree/detailLoader';
import type { RegistryEntry } from '../../tree/nodes';
import type { RegistryOverview } from '../../tree/registryOverview';

/** What the Registry Overview panel shows, as plain data; renderOverview turns it into HTML. */
export interface OverviewView {
  registry: Pick<RegistryEntry, 'name' | 'url'>;
  /** Set while the templates and their details are read. */
  progress: DetailLoadProgress | undefined;
  /** The last figures, kept while new ones load. */
  overview: RegistryOverview | undefined;
  /** Why the figures cover fewer templates than the registry has. */
  gaps: OverviewGaps | undefined;
  /** The list or the disk could not be read. */
  failure: string | undefined;
  /** For the age of the figures; passed in so that rendering is repeatable. */
  nowMillis: number;
}

export interface OverviewGaps {
  cancelled: boolean;
  failed: number;
  firstFailure: string | undefined;
}
