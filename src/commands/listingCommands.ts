import { clearFilter } from './clearFilter';
import type { CommandContext } from './context';
import { filterTemplates } from './filterTemplates';
import { showAll } from './showAll';
import { showRegistryOverview } from './showRegistryOverview';
import { sortTemplates } from './sortTemplates';

type Handler = (context: CommandContext, ...args: unknown[]) => unknown;

/** The commands for big registries: filter, order, tag pages and the overview. */
export const LISTING_COMMANDS: Record<string, Handler> = {
  'ankaRegistry.filterTemplates': filterTemplates,
  'ankaRegistry.clearFilter': clearFilter,
  'ankaRegistry.sortTemplates': sortTemplates,
  'ankaRegistry.showAll': showAll,
  'ankaRegistry.showRegistryOverview': showRegistryOverview,
};
