import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AnkaRegistryApi } from '../../src/extension';
import type { MoreNode, RegistryNode, TemplateNode, TreeNode } from '../../src/tree/nodes';
import { generateFleet } from '../registry/fleet';
import { startLocalRegistry, type LocalRegistry } from '../registry/server';
import { activateExtension, descriptionOf, labelOf, setRegistries, waitFor } from './helpers';

const COUNT = 1_000;
/** Every 100th template of the generated fleet has 200 tags; this is the first one. */
const LONG_INDEX = 99;

describe('A big registry in the extension host: filter, sort, tag pages, overview', () => {
  let registry: LocalRegistry;
  let api: AnkaRegistryApi;

  before(async () => {
    registry = await startLocalRegistry({ seed: generateFleet(COUNT) });
    api = await activateExtension();
    await setRegistries([{ name: 'Fleet', url: registry.url }]);
  });

  after(async () => {
    const node = await registryNode().catch(() => undefined);
    if (node) {
      api.provider.listing.clearFilter(node);
    }
    await vscode.workspace
      .getConfiguration('ankaRegistry')
      .update('sortTemplatesBy', undefined, vscode.ConfigurationTarget.Global);
    api.overviews.dispose();
    await setRegistries([]);
    await registry.close();
  });

  async function registryNode(): Promise<RegistryNode> {
    const roots = await waitFor(
      () => api.provider.getChildren(),
      (nodes) => nodes.length === 1 && nodes[0]?.kind === 'registry',
      'the fleet registry',
    );
    return roots[0] as RegistryNode;
  }

  async function templates(node: RegistryNode): Promise<TemplateNode[]> {
    const children = await api.provider.getChildren(node);
    return children.filter((child): child is TemplateNode => child.kind === 'template');
  }

  it('lists every template of the registry without reading their details', async () => {
    const node = await registryNode();
    const before = registry.requests.length;
    const listed = await templates(node);
    assert.equal(listed.length, COUNT);
    const details = registry.requests.slice(before).filter((request) => request.query['id']);
    assert.equal(details.length, 0, 'no detail read above the prefetch limit');
  });

  it('filters by part of a name, shows it on the registry row and clears it', async () => {
    const node = await registryNode();
    await vscode.commands.executeCommand('ankaRegistry.filterTemplates', node, 'Flutter-00421');
    const shown = await templates(node);
    assert.deepEqual(shown.map((template) => labelOf(api, template)), ['sonoma-flutter-00421']);
    const item = api.provider.getTreeItem(node);
    assert.match(descriptionOf(api, node), /^1 of 1,000 match "Flutter-00421" · 127\.0\.0\.1:/);
    assert.match(item.contextValue ?? '', /^registry\b.*\bfiltered\b/);

    await vscode.commands.executeCommand('ankaRegistry.clearFilter', node);
    assert.equal((await templates(node)).length, COUNT);
    assert.doesNotMatch(descriptionOf(api, node), /match/);
    assert.doesNotMatch(api.provider.getTreeItem(node).contextValue ?? '', /filtered/);
  });

  it('loads the details an arch filter needs, a few requests at a time', async () => {
    const node = await registryNode();
    await vscode.commands.executeCommand('ankaRegistry.filterTemplates', node, 'arch:amd64');
    const shown = await templates(node);
    // The fleet makes every fifth template amd64.
    assert.equal(shown.length, COUNT / 5);
    assert.ok(shown.every((template) => api.model.getLoadedTemplate(template)?.arch === 'amd64'));
    assert.match(descriptionOf(api, node), /^200 of 1,000 match amd64 · /);
    api.provider.listing.clearFilter(node);
  });

  it('sorts by size from the setting and the command, largest first', async () => {
    const node = await registryNode();
    await vscode.commands.executeCommand('ankaRegistry.sortTemplates', 'size');
    const setting = vscode.workspace.getConfiguration('ankaRegistry').get('sortTemplatesBy');
    assert.equal(setting, 'size');
    const sizes = (await templates(node)).map((template) => template.summary.size ?? 0);
    assert.deepEqual(sizes, [...sizes].sort((a, b) => b - a));
    await vscode.workspace
      .getConfiguration('ankaRegistry')
      .update('sortTemplatesBy', 'name', vscode.ConfigurationTarget.Global);
    await waitFor(() => api.provider.listing.sort, (sort) => sort === 'name', 'the name order');
    const names = (await templates(node)).map((template) => template.summary.name);
    assert.deepEqual(names.slice(0, 2), ['sequoia-flutter-00014', 'sequoia-flutter-00038']);
  });

  it('shows the newest 50 tags of a 200-tag template, then all of them on request', async () => {
    const node = await registryNode();
    const long = (await templates(node)).find((template) =>
      template.summary.name.endsWith(`-${String(LONG_INDEX).padStart(5, '0')}`));
    assert.ok(long, 'the fleet has its long template');
    const paged: TreeNode[] = await api.provider.getChildren(long);
    assert.equal(paged.length, 51);
    assert.equal(labelOf(api, paged[0]!), 'build-199');
    const more = paged[50] as MoreNode;
    assert.equal(more.kind, 'more');
    assert.equal(labelOf(api, more), 'Show all 200 tags');
    assert.equal(api.provider.getTreeItem(more).command?.command, 'ankaRegistry.showAll');
    assert.equal(api.provider.getParent(more), long);

    await vscode.commands.executeCommand('ankaRegistry.showAll', more);
    const all = await api.provider.getChildren(long);
    assert.equal(all.length, 200);
    assert.equal(labelOf(api, all[199]!), 'base');
  });

  it('opens the Registry Overview of every template; the tooltip shows its figures', async () => {
    const node = await registryNode();
    await vscode.commands.executeCommand('ankaRegistry.showRegistryOverview', node);
    const done = await waitFor(
      () => api.overviews.snapshot(node),
      (snapshot) => snapshot?.state === 'ready',
      'the overview figures',
      60_000,
    );
    assert.equal(done?.templates, COUNT);
    assert.equal(done?.withDetails, COUNT);
    assert.match(done?.html ?? '', /Largest templates/);
    assert.match(done?.html ?? '', /Not pulled for 90 days/);
    assert.match(done?.html ?? '', /<th scope="row">arm64<\/th>\s*<td class="num">800<\/td>/);

    const item = api.provider.getTreeItem(node);
    assert.equal(item.tooltip, undefined, 'built on hover');
    const resolved = await api.provider.resolveTreeItem(item, node);
    const tooltip = (resolved.tooltip as vscode.MarkdownString).value;
    assert.match(tooltip, /Templates: 1,000, [\d.]+ TiB stored/);
    assert.match(tooltip, /Arch: 800 arm64, 200 amd64/);
    assert.match(tooltip, /Not pulled for 30 days: [\d,]+ templates/);
  });

  it('runs its commands from the palette without a tree item and without failing', async () => {
    await vscode.commands.executeCommand('ankaRegistry.clearFilter');
    const node = await registryNode();
    assert.equal(api.provider.listing.filterOf(node), undefined);
  });
});
