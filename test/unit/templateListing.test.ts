import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TreeNode } from '../../src/tree/nodes';
import { TemplateListing } from '../../src/tree/templateListing';
import {
  detailsOf, NOW, REGISTRY, tagNodes, templateNode, type TemplateSpec,
} from './listingFixtures';

const SPECS: TemplateSpec[] = [
  { id: 'a', name: 'sonoma-xcode', size: 10, arch: 'arm64', pushedDaysAgo: 3 },
  { id: 'b', name: 'sonoma-unity', size: 30, arch: 'amd64', pushedDaysAgo: 1 },
  { id: 'c', name: 'ventura-xcode', size: 20, arch: 'arm64', pushedDaysAgo: 2 },
];
const NODES = SPECS.map((spec) => templateNode(spec));
const ALL_DETAILS = detailsOf(SPECS);
const labels = (nodes: TreeNode[]) =>
  nodes.map((node) => (node.kind === 'template' ? node.summary.name : `(${node.kind})`));

function listing(): { listing: TemplateListing; events: Array<TreeNode[] | undefined> } {
  const created = new TemplateListing(() => NOW);
  const events: Array<TreeNode[] | undefined> = [];
  created.onDidChange((nodes) => events.push(nodes));
  return { listing: created, events };
}

describe('TemplateListing', () => {
  it('passes the model\'s children through while no filter or order is set', () => {
    const { listing: view } = listing();
    assert.deepEqual(view.arrangeTemplates(REGISTRY, NODES, ALL_DETAILS), NODES);
    assert.equal(view.countsOf(REGISTRY), undefined);
    assert.equal(view.templatesOf(REGISTRY), NODES);
  });

  it('filters by name and counts what the filter left', () => {
    const { listing: view, events } = listing();
    view.setFilter(REGISTRY, { text: 'XCODE' });
    assert.deepEqual(events, [[REGISTRY]]);
    assert.deepEqual(labels(view.arrangeTemplates(REGISTRY, NODES, () => undefined)), [
      'sonoma-xcode', 'ventura-xcode',
    ]);
    assert.deepEqual(view.countsOf(REGISTRY), { total: 3, shown: 2, unchecked: 0 });
  });

  it('counts a new filter over the templates last listed, before the next layout', () => {
    const { listing: view } = listing();
    view.arrangeTemplates(REGISTRY, NODES, ALL_DETAILS);
    view.setFilter(REGISTRY, { arch: 'arm64' });
    assert.equal(view.countsOf(REGISTRY), undefined, 'nothing to count with');
    assert.deepEqual(view.countsOf(REGISTRY, ALL_DETAILS), { total: 3, shown: 2, unchecked: 0 });
    assert.deepEqual(view.countsOf(REGISTRY), { total: 3, shown: 2, unchecked: 0 });
  });

  it('leaves templates without details out of an arch filter and says how many', () => {
    const { listing: view } = listing();
    view.setFilter(REGISTRY, { arch: 'arm64' });
    const partial = detailsOf([SPECS[0]!]);
    const arranged = view.arrangeTemplates(REGISTRY, NODES, partial);
    assert.deepEqual(labels(arranged), ['sonoma-xcode', '(message)']);
    const note = arranged[1];
    assert.ok(note?.kind === 'message');
    assert.equal(note.text, '2 not checked: their details are not loaded');
    assert.deepEqual(view.countsOf(REGISTRY), { total: 3, shown: 1, unchecked: 2 });
  });

  it('says so when nothing matches, with a fresh id each time', () => {
    const { listing: view } = listing();
    view.setFilter(REGISTRY, { text: 'monterey' });
    const first = view.arrangeTemplates(REGISTRY, NODES, ALL_DETAILS);
    const second = view.arrangeTemplates(REGISTRY, NODES, ALL_DETAILS);
    assert.equal(first.length, 1);
    assert.ok(first[0]?.kind === 'message');
    assert.equal(first[0].text, 'No template matches "monterey"');
    assert.notEqual(first[0].id, second[0]?.id);
  });

  it('sorts what the filter left', () => {
    const { listing: view, events } = listing();
    view.setSort('lastPush');
    view.setSort('lastPush');
    assert.deepEqual(events, [undefined], 'one event per change of order');
    view.setFilter(REGISTRY, { text: 'xcode' });
    assert.deepEqual(labels(view.arrangeTemplates(REGISTRY, NODES, ALL_DETAILS)), [
      'ventura-xcode', 'sonoma-xcode',
    ]);
  });

  it('clears a filter with one call, and an empty filter clears too', () => {
    const { listing: view, events } = listing();
    view.setFilter(REGISTRY, { text: 'x' });
    view.clearFilter(REGISTRY);
    view.clearFilter(REGISTRY);
    assert.equal(view.filterOf(REGISTRY), undefined);
    assert.equal(events.length, 2, 'clearing twice announces once');
    view.setFilter(REGISTRY, { arch: 'amd64' });
    view.setFilter(REGISTRY, {});
    assert.equal(view.filterOf(REGISTRY), undefined);
  });

  it('leaves errors and messages alone', () => {
    const { listing: view } = listing();
    view.setFilter(REGISTRY, { text: 'x' });
    const message: TreeNode = { kind: 'message', id: 'm', text: 'No templates in this registry' };
    assert.deepEqual(view.arrangeTemplates(REGISTRY, [message], ALL_DETAILS), [message]);
    assert.equal(view.countsOf(REGISTRY), undefined);
    assert.equal(view.templatesOf(REGISTRY), undefined);
  });

  it('announces the registry instead of its rows when details move rows', () => {
    const { listing: view } = listing();
    const changed: TreeNode[] = [NODES[0]!, NODES[1]!];
    assert.equal(view.withLayoutChanges(changed), changed, 'by name, rows update in place');
    assert.equal(view.withLayoutChanges(undefined), undefined);
    view.setFilter(REGISTRY, { arch: 'arm64' });
    assert.deepEqual(view.withLayoutChanges(changed), [REGISTRY]);
    assert.deepEqual(view.withLayoutChanges([REGISTRY, NODES[0]!]), [REGISTRY]);
    view.clearFilter(REGISTRY);
    view.setSort('lastPull');
    assert.deepEqual(view.withLayoutChanges(changed), [REGISTRY]);
    view.setSort('size');
    assert.equal(view.withLayoutChanges(changed), changed, 'sizes come with the list');
  });

  it('pages long templates until asked for all their tags', () => {
    const { listing: view, events } = listing();
    const long = NODES[0]!;
    const tags = tagNodes(long, 120);
    assert.equal(view.arrangeTags(long, tags).length, 51);
    view.showAll(long);
    view.showAll(long);
    assert.deepEqual(events, [[long]]);
    assert.equal(view.arrangeTags(long, tags).length, 120);
  });

  it('pages a big registry after filtering and sorting, until asked for all', () => {
    const { listing: view } = listing();
    const many = Array.from({ length: 1500 }, (_, index) =>
      templateNode({ id: `m${index}`, name: `m${String(index).padStart(4, '0')}`, size: index }));
    view.setSort('size');
    const rows = view.arrangeTemplates(REGISTRY, many, () => undefined);
    assert.equal(rows.length, 1001);
    assert.deepEqual(labels(rows.slice(0, 2)), ['m1499', 'm1498']);
    assert.ok(rows[1000]?.kind === 'more');
    view.setFilter(REGISTRY, { text: 'm1' });
    const filtered = view.arrangeTemplates(REGISTRY, many, () => undefined);
    assert.equal(filtered.length, 500, 'm1000 to m1499 pass and fit on a page');
    view.clearFilter(REGISTRY);
    view.showAll(REGISTRY);
    assert.equal(view.arrangeTemplates(REGISTRY, many, () => undefined).length, 1500);
  });
});
