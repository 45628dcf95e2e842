// The Registry Overview's load (every template's details, then the figures) at two
// concurrencies, with the sockets each run opened as the registry counts them.
import { requireOut } from '../support/paths.mjs';
import { time } from '../support/stats.mjs';

const { RegistryClient } = requireOut('src/registry/client.js');
const { RegistryTreeModel } = requireOut('src/tree/registryTreeModel.js');
const { loadMissingDetails } = requireOut('src/tree/detailLoader.js');
const { computeOverview } = requireOut('src/tree/registryOverview.js');

/** `{ms, sockets, templates}` for one overview of `registry` at `concurrency`. */
export async function measureOverview(registry, concurrency) {
  const model = new RegistryTreeModel({
    createClient: (entry) =>
      new RegistryClient({
        name: entry.name,
        url: entry.url,
        timeoutMs: 120_000,
        connections: concurrency,
      }),
    concurrency,
  });
  const before = await registry.connectionsOpened();
  try {
    model.setRegistries([{ name: 'Fleet', url: registry.url }]);
    const [node] = model.getRegistries();
    let overview;
    const ms = await time(async () => {
      const result = await loadMissingDetails(model, node, { concurrency });
      const byId = new Map(result.templates.map((template) => [template.summary.id, template]));
      overview = computeOverview({
        summaries: result.templates.map((template) => template.summary),
        detailOf: (id) => model.getLoadedTemplate(byId.get(id)),
        disk: undefined,
        nowMillis: Date.now(),
      });
    });
    if (overview.withDetails !== registry.templates) {
      throw new Error(`the overview read ${overview.withDetails} of ${registry.templates}`);
    }
    const sockets = (await registry.connectionsOpened()) - before;
    return { ms, sockets, templates: overview.templates };
  } finally {
    model.dispose();
  }
}
