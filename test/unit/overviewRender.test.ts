import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeOverview } from '../../src/tree/registryOverview';
import {
  parseOverviewMessage, parsePersistedOverview,
} from '../../src/webviews/overview/protocol';
import { renderOverview } from '../../src/webviews/overview/renderOverview';
import type { OverviewView } from '../../src/webviews/overview/view';
import { NOW, summary, template, type TemplateSpec } from './listingFixtures';

const GIB = 1024 ** 3;
const SPECS: TemplateSpec[] = [
  {
    id: 'x1',
    name: '<img src=x onerror=alert(1)>',
    size: 50 * GIB,
    arch: 'arm64',
    pulledDaysAgo: 200,
  },
  { id: 'x2', name: 'sonoma & "friends"', size: 10 * GIB, arch: 'amd64', pulledDaysAgo: 40 },
  { id: 'x3', name: 'fresh', size: 5 * GIB, arch: 'arm64', pulledDaysAgo: 1 },
];

function view(overrides: Partial<OverviewView> = {}): OverviewView {
  const details = new Map(SPECS.map((spec) => [spec.id, template(spec)]));
  return {
    registry: { name: 'CI <prod>', url: 'http://127.0.0.1:8089' },
    progress: undefined,
    overview: computeOverview({
      summaries: SPECS.map(summary),
      detailOf: (id) => details.get(id),
      disk: { free: 400 * GIB, total: 1000 * GIB, used: 600 * GIB },
      nowMillis: NOW - 5 * 60_000,
    }),
    gaps: undefined,
    failure: undefined,
    nowMillis: NOW,
    ...overrides,
  };
}

describe('renderOverview', () => {
  const page = renderOverview(view()).value;

  it('escapes names that come from the registry', () => {
    assert.ok(!page.includes('<img'), 'no markup from a template name');
    assert.ok(page.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(page.includes('sonoma &amp; &quot;friends&quot;'));
    assert.ok(page.includes('CI &lt;prod&gt;'));
  });

  it('shows the disk, the largest templates and the age of the figures', () => {
    assert.match(page, /<dt>Used<\/dt><dd>600\.0 GiB \(60%\)<\/dd>/);
    assert.match(page, /<dt>Free<\/dt><dd>400\.0 GiB<\/dd>/);
    assert.match(page, /role="img" aria-label="60% of the disk used"/);
    assert.match(page, /computed <span id="age">5 minutes ago<\/span> from 3 templates/);
    assert.match(page, /id="largest-table"/);
  });

  it('shows stale templates with the space they hold and a way to filter the tree', () => {
    assert.match(page, /<strong>2 templates<\/strong> hold\s+<strong>60\.0 GiB<\/strong>/);
    assert.match(page, /<strong>1 template<\/strong> hold\s+<strong>50\.0 GiB<\/strong>/);
    assert.match(page, /data-action="filterStale" data-days="90"/);
  });

  it('counts templates by arch', () => {
    assert.match(page, /<th scope="row">arm64<\/th>\s*<td class="num">2<\/td>/);
  });

  it('shows progress with a cancel button while loading, and no stale figures as new', () => {
    const progress = { done: 1234, total: 10000, failed: 0 };
    const loading = renderOverview(view({ progress })).value;
    assert.match(loading, /Reading template details: 1,234 of 10,000/);
    assert.match(loading, /data-action="cancel"/);
    assert.match(loading, /id="refresh" data-action="refresh" disabled/);
  });

  it('says which figures are partial and offers to load the rest', () => {
    const base = view();
    const partial = renderOverview({
      ...base,
      overview: { ...base.overview!, withDetails: 1 },
      gaps: { cancelled: true, failed: 0, firstFailure: undefined },
    }).value;
    assert.match(partial, /cover 1 of 3\s+templates: the load was cancelled/);
    assert.match(partial, /data-action="loadRest"/);
  });

  it('explains a failure with Retry and Show Log', () => {
    const failed = renderOverview(view({ overview: undefined, failure: 'HTTP 502 <Bad>' })).value;
    assert.match(failed, /Could not compute the overview/);
    assert.match(failed, /HTTP 502 &lt;Bad&gt;/);
    assert.match(failed, /data-action="showLog"/);
  });

  it('offers to compute when nothing is known yet', () => {
    const idle = renderOverview(view({ overview: undefined })).value;
    assert.match(idle, /id="not-computed"/);
  });
});

describe('overview messages', () => {
  it('accepts the messages the script sends and nothing else', () => {
    assert.deepEqual(parseOverviewMessage({ type: 'refresh' }), { type: 'refresh' });
    assert.deepEqual(parseOverviewMessage({ type: 'showTemplate', id: 'x1' }), {
      type: 'showTemplate',
      id: 'x1',
    });
    assert.deepEqual(parseOverviewMessage({ type: 'filterStale', days: 90 }), {
      type: 'filterStale',
      days: 90,
    });
    assert.equal(parseOverviewMessage({ type: 'filterStale', days: '90' }), undefined);
    assert.equal(parseOverviewMessage({ type: 'filterStale', days: -1 }), undefined);
    assert.equal(parseOverviewMessage({ type: 'showTemplate', id: '' }), undefined);
    assert.equal(parseOverviewMessage({ type: 'eval', code: '1' }), undefined);
    assert.equal(parseOverviewMessage('refresh'), undefined);
    assert.equal(parseOverviewMessage(null), undefined);
  });

  it('restores a saved panel only with a registry to show', () => {
    const saved = { kind: 'ankaRegistry.overview', registry: { name: 'CI', url: 'http://r' } };
    assert.deepEqual(parsePersistedOverview(saved), saved);
    assert.equal(parsePersistedOverview({ ...saved, kind: 'ankaRegistry.details' }), undefined);
    const noUrl = { ...saved, registry: { name: 'CI', url: '' } };
    assert.equal(parsePersistedOverview(noUrl), undefined);
    assert.equal(parsePersistedOverview(undefined), undefined);
  });
});
