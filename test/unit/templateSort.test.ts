import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  isSortKey, SORT_KEYS, sortNeedsDetails, sortTemplates,
} from '../../src/tree/templateSort';
import { detailsOf, templateNode, type TemplateSpec } from './listingFixtures';

// In name order, as the model lists them.
const SPECS: TemplateSpec[] = [
  { id: 'a', name: 'alpha', size: 30, pushedDaysAgo: 10, pulledDaysAgo: 5 },
  { id: 'b', name: 'bravo', size: 10, pushedDaysAgo: 1, pulledDaysAgo: 300 },
  { id: 'c', name: 'charlie', size: 30, pushedDaysAgo: 50, pulledDaysAgo: 50 },
  { id: 'd', name: 'delta', size: undefined },
  { id: 'e', name: 'echo', size: 99 },
];
const NODES = SPECS.map((spec) => templateNode(spec));
const names = (nodes: ReturnType<typeof sortTemplates>) => nodes.map((node) => node.summary.name);

describe('sortTemplates', () => {
  it('keeps the model\'s name order for "name"', () => {
    assert.deepEqual(names(sortTemplates(NODES, 'name', () => undefined)), [
      'alpha', 'bravo', 'charlie', 'delta', 'echo',
    ]);
  });

  it('sorts by size from the list, largest first, ties and unknown sizes by name', () => {
    assert.deepEqual(names(sortTemplates(NODES, 'size', () => undefined)), [
      'echo', 'alpha', 'charlie', 'bravo', 'delta',
    ]);
  });

  it('prefers the size of loaded details over the list\'s', () => {
    const bigger = detailsOf([{ ...SPECS[1]!, size: 1000 }]);
    assert.equal(names(sortTemplates(NODES, 'size', bigger))[0], 'bravo');
  });

  it('sorts by last push, newest first; templates without details follow by name', () => {
    const details = detailsOf(SPECS.slice(0, 3));
    assert.deepEqual(names(sortTemplates(NODES, 'lastPush', details)), [
      'bravo', 'alpha', 'charlie', 'delta', 'echo',
    ]);
  });

  it('sorts by last pull with the longest unpulled first', () => {
    const details = detailsOf(SPECS.slice(0, 3));
    assert.deepEqual(names(sortTemplates(NODES, 'lastPull', details)), [
      'bravo', 'charlie', 'alpha', 'delta', 'echo',
    ]);
  });

  it('puts templates whose details have no date after the dated ones', () => {
    const details = detailsOf([SPECS[0]!, { ...SPECS[1]!, pushedDaysAgo: undefined }]);
    assert.deepEqual(names(sortTemplates(NODES, 'lastPush', details)), [
      'alpha', 'bravo', 'charlie', 'delta', 'echo',
    ]);
  });

  it('does not change the array it was given', () => {
    const copy = [...NODES];
    sortTemplates(copy, 'size', () => undefined);
    assert.deepEqual(copy, NODES);
  });

  it('knows its keys and which need details', () => {
    assert.deepEqual(SORT_KEYS, ['name', 'size', 'lastPush', 'lastPull']);
    assert.equal(isSortKey('size'), true);
    assert.equal(isSortKey('date'), false);
    assert.equal(isSortKey(undefined), false);
    assert.deepEqual(SORT_KEYS.filter(sortNeedsDetails), ['lastPush', 'lastPull']);
  });
});
