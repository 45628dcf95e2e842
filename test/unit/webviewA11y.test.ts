import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeOverview } from '../../src/tree/registryOverview';
import { parseDisk, parseTemplate } from '../../src/registry/parse';
import { renderDetails } from '../../src/webviews/details/renderDetails';
import { renderPage } from '../../src/webviews/details/renderPage';
import { LOADING, type DetailsView } from '../../src/webviews/details/view';
import { renderOverview } from '../../src/webviews/overview/renderOverview';
import type { OverviewView } from '../../src/webviews/overview/view';
import { NOW, summary, template } from './listingFixtures';

const GIB = 1024 ** 3;

function detailsView(overrides: Partial<DetailsView> = {}): DetailsView {
  const value = parseTemplate({
    id: 'sq',
    name: 'sequoia',
    arch: 'arm64',
    size: 30 * GIB,
    versions: [
      { number: 0, tag: 'vanilla', images: ['a.ank'], state_files: [], size: 20 * GIB },
      { number: 1, tag: 'ssh', images: ['b.ank', 'a.ank'], state_files: ['s.ank'],
        state_file: 's.ank', size: 30 * GIB },
    ],
  });
  return {
    registry: { name: 'CI', url: 'http://127.0.0.1:8089' },
    templateId: 'sq',
    templateName: 'sequoia',
    template: { state: 'ready', value },
    selected: 1,
    config: LOADING,
    disk: { state: 'ready', value: parseDisk({ free: 10 * GIB, total: 100 * GIB }) },
    revealSecrets: false,
    nowMillis: NOW,
    ...overrides,
  };
}

function overviewView(overrides: Partial<OverviewView> = {}): OverviewView {
  const specs = [
    { id: 'a', name: 'old', size: 9 * GIB, arch: 'arm64', pulledDaysAgo: 120 },
    { id: 'b', name: 'new', size: 4 * GIB, arch: 'amd64', pulledDaysAgo: 1 },
  ];
  const details = new Map(specs.map((spec) => [spec.id, template(spec)]));
  return {
    registry: { name: 'CI', url: 'http://127.0.0.1:8089' },
    progress: undefined,
    overview: computeOverview({
      summaries: specs.map(summary),
      detailOf: (id) => details.get(id),
      disk: { free: 400 * GIB, total: 1000 * GIB, used: 600 * GIB },
      nowMillis: NOW,
    }),
    gaps: undefined,
    failure: undefined,
    nowMillis: NOW,
    ...overrides,
  };
}

/** The opening tags of the elements carrying `attribute`. */
function tagsWith(markup: string, attribute: string): string[] {
  return markup.match(new RegExp(`<[a-z]+[^>]*\\s${attribute}[\\s>=][^>]*>`, 'g')) ?? [];
}

describe('the page around both panels', () => {
  const page = renderPage(
    { cspSource: 'vscode-resource:', styleUri: 's.css', scriptUris: ['s.js'], nonce: 'n' },
    'sequoia',
    renderDetails(detailsView()),
  );

  it('has one main landmark the script can fall back to, and a live region of its own', () => {
    assert.match(page, /<main id="root" tabindex="-1"/);
    const live = 'role="status" aria-live="polite"';
    assert.ok(page.includes(`<div id="announcer" class="visually-hidden" ${live}>`));
    assert.ok(page.includes(`<div id="notice" class="notice" ${live}>`));
  });
});

describe('the details panel for a screen reader and a keyboard', () => {
  const markup = renderDetails(detailsView()).value;

  it('names every section by its heading and labels the tag switcher', () => {
    for (const id of ['config', 'sizes', 'layers', 'disk']) {
      assert.match(markup, new RegExp(`<section class="section" id="${id}" ` +
        `aria-labelledby="${id}-title">[\\s\\S]*?<h2 id="${id}-title">`));
    }
    assert.match(markup, /<label for="tag-select">/);
  });

  it('lets the keyboard scroll the layer table and reads its dots as words', () => {
    const region = 'tabindex="0" role="region" aria-labelledby="layers-title"';
    assert.ok(markup.includes(`<div class="scroll" ${region}>`));
    assert.match(markup, /<table class="grid layers" id="layer-matrix">\s*<caption/);
    const word = (text: string) => `<span class="visually-hidden">${text}</span>`;
    assert.ok(markup.includes(`<span class="used" aria-hidden="true">●</span>${word('used')}`));
    const unused = `<span class="unused" aria-hidden="true">·</span>${word('not used')}`;
    assert.ok(markup.includes(unused));
    assert.match(markup, /class="dot selected"\s+title="#1 ssh" aria-label="#1 ssh">/);
    assert.deepEqual(tagsWith(markup, 'aria-label').filter((tag) => tag.startsWith('<span')), []);
  });

  it('gives the charts a text alternative or hides them next to their figures', () => {
    assert.match(markup, /<svg class="bar"[^>]*role="img" aria-label="sequoia: /);
    const hidden = tagsWith(markup, 'aria-hidden').filter((tag) => tag.startsWith('<svg'));
    assert.ok(hidden.length >= 2, 'the per-tag bars sit beside their sizes in the table');
  });

  it('marks loading lines for the live region, and failures as alerts', () => {
    assert.match(markup, /<div class="loading" data-announce>[\s\S]*Reading the VM config/);
    const failed = renderDetails(detailsView({
      config: { state: 'failed', message: 'HTTP 503' },
    })).value;
    assert.match(failed, /<div class="error" role="alert">/);
    assert.doesNotMatch(failed, /aria-live/);
  });
});

describe('the overview for a screen reader and a keyboard', () => {
  it('names each Details button after its template and each table after its heading', () => {
    const markup = renderOverview(overviewView()).value;
    assert.match(markup, /title="Open the details of old"\s+aria-label="Details of old"/);
    assert.match(markup, /id="largest-table"\s+aria-labelledby="largest-title"/);
    assert.match(markup, /id="stale-90-table"\s+aria-labelledby="stale-90-title"/);
    assert.match(markup, /id="arch-table" aria-labelledby="arches-title"/);
  });

  it('announces the progress text, then once that the figures are in', () => {
    const busy = renderOverview(overviewView({
      overview: undefined, progress: { done: 3, total: 10, failed: 0 },
    })).value;
    assert.match(busy, /<span data-announce>Reading template details: 3 of 10<\/span>/);
    assert.doesNotMatch(busy, /Overview computed/);
    assert.match(busy, /id="refresh" data-action="refresh" disabled/);
    const done = renderOverview(overviewView()).value;
    const said = '<span class="visually-hidden" data-announce>Overview computed from 2 templates.';
    assert.ok(done.includes(said));
  });
});
