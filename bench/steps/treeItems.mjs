// Building the Registries view's rows for a big registry: the layout (filter, order) and one
// tree item per template, with the `vscode` module stubbed (bench/support/vscode-stub.cjs).
import '../support/install-vscode-stub.cjs';
import { requireOut } from '../support/paths.mjs';
import { medianClocks, time } from '../support/stats.mjs';

const { RegistryClient } = requireOut('src/registry/client.js');
const { RegistryTreeModel } = requireOut('src/tree/registryTreeModel.js');
const { RegistryTreeProvider } = requireOut('src/views/registryTreeProvider.js');
const { loadMissingDetails } = requireOut('src/tree/detailLoader.js');

/**
 * `{paged, listOnly, withDetails, detailsLoad, sortedFiltered}`: the first page of rows (what
 * an expand builds), every row from the list alone, every row once all details are loaded, the
 * milliseconds that load took at 8 requests at once, and rows sorted by last push under an arch
 * filter. Rows are `{wall, cpu}` medians.
 */
export async function measureTreeItems(registry, { rounds }) {
  const model = new RegistryTreeModel({
    createClient: (entry) =>
      new RegistryClient({ name: entry.name, url: entry.url, timeoutMs: 120_000, connections: 8 }),
    concurrency: 8,
  });
  const provider = new RegistryTreeProvider(model);
  try {
    model.setRegistries([{ name: 'Fleet', url: registry.url }]);
    const [node] = model.getRegistries();
    await provider.getChildren(node);
    const build = () => buildRows(provider, node);
    const paged = await medianClocks(rounds, build);
    provider.listing.showAll(node);
    const all = await provider.getChildren(node);
    if (all.length !== registry.templates) {
      throw new Error(`expected ${registry.templates} template rows, got ${all.length}`);
    }
    const listOnly = await medianClocks(rounds, build);
    const detailsLoad = await time(() => loadMissingDetails(model, node, { concurrency: 8 }));
    const withDetails = await medianClocks(rounds, build);
    provider.listing.setSort('lastPush');
    provider.listing.setFilter(node, { arch: 'arm64' });
    const sortedFiltered = await medianClocks(rounds, build);
    return { paged, listOnly, withDetails, detailsLoad, sortedFiltered };
  } finally {
    provider.dispose();
    model.dispose();
  }
}

/** What VS Code asks for when the registry expands: its children, then a row for each. */
async function buildRows(provider, node) {
  provider.getTreeItem(node);
  const children = await provider.getChildren(node);
  for (const child of children) {
    provider.getTreeItem(child);
  }
}
