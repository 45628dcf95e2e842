import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MessageNode, TagNode } from '../../src/tree/nodes';
import {
  newestFirst, page, pageTagChildren, TAG_PAGE_SIZE, TEMPLATE_PAGE_SIZE,
} from '../../src/tree/paging';
import { REGISTRY, tagNodes, templateNode } from './listingFixtures';

const LONG = templateNode({ id: 'long', name: 'long' });
const numbers = (tags: readonly unknown[]) =>
  tags.map((tag) => (tag as TagNode).version?.number ?? (tag as { kind: string }).kind);

describe('pageTagChildren', () => {
  it('shows every tag of a short template, newest first', () => {
    assert.deepEqual(numbers(pageTagChildren(LONG, tagNodes(LONG, 3), false)), [2, 1, 0]);
  });

  it('shows the newest 50 of 200, then a "show all" node that knows the counts', () => {
    const children = pageTagChildren(LONG, tagNodes(LONG, 200), false);
    assert.equal(TAG_PAGE_SIZE, 50);
    assert.equal(children.length, 51);
    assert.equal((children[0] as TagNode).version.number, 199);
    assert.equal((children[49] as TagNode).version.number, 150);
    const more = children[50];
    assert.ok(more?.kind === 'more');
    assert.equal(more.total, 200);
    assert.equal(more.shown, 50);
    assert.equal(more.parent, LONG);
    assert.equal(more.id, `${LONG.id}/more`);
  });

  it('shows all once asked, and exactly 50 without a "show all" node', () => {
    assert.equal(pageTagChildren(LONG, tagNodes(LONG, 200), true).length, 200);
    assert.equal(pageTagChildren(LONG, tagNodes(LONG, 50), false).length, 50);
    assert.equal(pageTagChildren(LONG, tagNodes(LONG, 51), false).length, 51);
  });

  it('orders by version number whatever order the tags came in', () => {
    const shuffled = [...tagNodes(LONG, 60)].sort((a, b) => (a.id < b.id ? -1 : 1));
    assert.deepEqual(numbers(newestFirst(shuffled).slice(0, 3)), [59, 58, 57]);
    assert.deepEqual(numbers(pageTagChildren(LONG, shuffled, false).slice(0, 3)), [59, 58, 57]);
  });

  it('passes errors and messages through unchanged', () => {
    const message: MessageNode = { kind: 'message', id: 'm', text: 'No tags in this template' };
    assert.deepEqual(pageTagChildren(LONG, [message], false), [message]);
  });
});

describe('page', () => {
  it('pages a registry\'s templates at 1,000, keeping their order', () => {
    const templates = Array.from({ length: 2500 }, (_, index) =>
      templateNode({ id: `t${index}`, name: `t${index}` }));
    const rows = page(REGISTRY, templates, false, TEMPLATE_PAGE_SIZE);
    assert.equal(TEMPLATE_PAGE_SIZE, 1000);
    assert.equal(rows.length, 1001);
    assert.equal(rows[999], templates[999]);
    const more = rows[1000];
    assert.ok(more?.kind === 'more');
    assert.deepEqual([more.shown, more.total, more.parent], [1000, 2500, REGISTRY]);
    assert.equal(page(REGISTRY, templates, true, TEMPLATE_PAGE_SIZE).length, 2500);
  });
});
