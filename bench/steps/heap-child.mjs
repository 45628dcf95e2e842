// Run as `node --expose-gc heap-child.mjs URL COUNT MODE`: the heap a 10,000-template registry
// costs once listed, its rows built, and 100 templates expanded. MODE `view`: the first 100 rows,
// as a user meets them; `long`: 50 of the templates with 200 tags and 50 others, the worst case.
import '../support/install-vscode-stub.cjs';
import { requireOut } from '../support/paths.mjs';

const { RegistryClient } = requireOut('src/registry/client.js');
const { RegistryTreeModel } = requireOut('src/tree/registryTreeModel.js');
const { RegistryTreeProvider } = requireOut('src/views/registryTreeProvider.js');

const [url, countText, mode = 'view'] = process.argv.slice(2);

function heapUsed() {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

const before = heapUsed();
const model = new RegistryTreeModel({
  createClient: (entry) =>
    new RegistryClient({ name: entry.name, url: entry.url, timeoutMs: 120_000, connections: 8 }),
  concurrency: 8,
});
const provider = new RegistryTreeProvider(model);
model.setRegistries([{ name: 'Fleet', url }]);
const [registry] = model.getRegistries();
// Every row, not the first page: the most the view can hold.
provider.listing.showAll(registry);
const templates = await provider.getChildren(registry);
if (templates.length !== Number(countText)) {
  throw new Error(`expected ${countText} templates, got ${templates.length}`);
}
templates.forEach((node) => provider.getTreeItem(node));
// The fleet gives every 100th template (by the number its name ends with) 200 tags.
const index = (node) => Number(/(\d+)$/.exec(node.summary.name)?.[1] ?? -1);
const long = templates.filter((node) => index(node) % 100 === 99).slice(0, 50);
const short = templates.filter((node) => index(node) % 100 !== 99).slice(0, 100 - long.length);
const expanded = mode === 'long' ? [...long, ...short] : templates.slice(0, 100);
let tags = 0;
for (const node of expanded) {
  const children = await provider.getChildren(node);
  children.forEach((child) => provider.getTreeItem(child));
  tags += children.length;
}
const after = heapUsed();
const long200 = expanded.filter((node) => index(node) % 100 === 99).length;
const figures = { bytes: after - before, expanded: expanded.length, long200, tags };
process.stdout.write(JSON.stringify(figures));
// Keep everything reachable until the figure is taken.
provider.dispose();
model.dispose();
