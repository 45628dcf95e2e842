import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeOverview, diskUsedPercent } from '../../src/tree/registryOverview';
import { NOW, summary, template, type TemplateSpec } from './listingFixtures';

const GIB = 1024 ** 3;
const SPECS: TemplateSpec[] = [
  { id: 'a', name: 'a', size: 20 * GIB, arch: 'arm64', pulledDaysAgo: 10, tags: 3 },
  { id: 'b', name: 'b', size: 30 * GIB, arch: 'arm64', pulledDaysAgo: 30, tags: 1 },
  { id: 'c', name: 'c', size: 25 * GIB, arch: 'amd64', pulledDaysAgo: 120, tags: 2 },
  { id: 'd', name: 'd', size: 5 * GIB, arch: undefined, pulledDaysAgo: 89, tags: 1 },
  { id: 'e', name: 'e', size: 40 * GIB, arch: 'arm64', pulledDaysAgo: undefined, tags: 4 },
  // Listed without a size, details never read.
  { id: 'f', name: 'f', size: undefined },
];
const LOADED = new Set(['a', 'b', 'c', 'd', 'e']);

function overviewOf(specs: TemplateSpec[], loaded: ReadonlySet<string>) {
  const details = new Map(specs.map((spec) => [spec.id, template(spec)]));
  return computeOverview({
    summaries: specs.map(summary),
    detailOf: (id) => (loaded.has(id) ? details.get(id) : undefined),
    disk: { free: 400 * GIB, total: 1000 * GIB, used: 600 * GIB },
    nowMillis: NOW,
  });
}

describe('computeOverview', () => {
  const overview = overviewOf(SPECS, LOADED);

  it('counts templates, details, tags and the space the list reports', () => {
    assert.equal(overview.templates, 6);
    assert.equal(overview.withDetails, 5);
    assert.equal(overview.tags, 11);
    assert.equal(overview.storedBytes, 120 * GIB);
    assert.equal(overview.unknownSize, 1);
    assert.equal(overview.computedAt, NOW);
  });

  it('lists the largest templates first, sized ones only', () => {
    assert.deepEqual(overview.largest.map((row) => row.name), ['e', 'b', 'c', 'a', 'd']);
    assert.equal(overview.largest[0]?.tags, 4);
  });

  it('groups templates not used for 30 and 90 days, boundaries included', () => {
    const [thirty, ninety] = overview.stale;
    assert.equal(thirty?.days, 30);
    assert.deepEqual(thirty?.templates.map((row) => row.name), ['b', 'c', 'd']);
    assert.equal(thirty?.count, 3);
    assert.equal(thirty?.bytes, 60 * GIB);
    assert.equal(ninety?.days, 90);
    assert.deepEqual(ninety?.templates.map((row) => row.name), ['c']);
    assert.equal(ninety?.bytes, 25 * GIB);
  });

  it('counts templates without dates apart instead of calling them stale', () => {
    assert.equal(overview.undated, 1);
  });

  it('counts arches with their space, most common first, unknown named so', () => {
    assert.deepEqual(overview.byArch, [
      { arch: 'arm64', count: 3, bytes: 90 * GIB },
      { arch: 'amd64', count: 1, bytes: 25 * GIB },
      { arch: 'unknown', count: 1, bytes: 5 * GIB },
    ]);
  });

  it('works from the list alone: sizes yes, arch and dates no', () => {
    const listOnly = overviewOf(SPECS, new Set());
    assert.equal(listOnly.withDetails, 0);
    assert.equal(listOnly.storedBytes, 120 * GIB);
    assert.equal(listOnly.largest.length, 5);
    assert.deepEqual(listOnly.stale.map((group) => group.count), [0, 0]);
    assert.deepEqual(listOnly.byArch, []);
  });

  it('caps the lists and takes other stale periods', () => {
    const specs = Array.from({ length: 30 }, (_, index): TemplateSpec => ({
      id: `t${index}`,
      name: `t${index}`,
      size: index + 1,
      pulledDaysAgo: index,
    }));
    const capped = computeOverview({
      summaries: specs.map(summary),
      detailOf: (id) => template(specs.find((spec) => spec.id === id)!),
      disk: undefined,
      nowMillis: NOW,
      listLimit: 5,
      staleDays: [7],
    });
    assert.equal(capped.largest.length, 5);
    assert.equal(capped.largest[0]?.name, 't29');
    assert.equal(capped.stale[0]?.count, 23);
    assert.equal(capped.stale[0]?.templates.length, 5);
    assert.equal(capped.stale[0]?.bytes, specs.slice(7).reduce((sum, spec) => sum + spec.size!, 0));
  });
});

describe('diskUsedPercent', () => {
  it('rounds the used share and needs both figures', () => {
    assert.equal(diskUsedPercent({ free: 335356690432, total: 1000240963584, used: 0 }), 66);
    assert.equal(diskUsedPercent({ free: undefined, total: 10, used: undefined }), undefined);
    assert.equal(diskUsedPercent({ free: 0, total: 0, used: 0 }), undefined);
    assert.equal(diskUsedPercent(undefined), undefined);
  });
});
