// The panels and the template commands' texts under a pseudo-translation: each message that
// l10n.t returns is wrapped in ⟦ ⟧, so a word a user sees outside the marks was not translated.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as l10n from '@vscode/l10n';
import { deleteConfirmation, revertConfirmation } from '../../src/commands/confirmations';
import { revertSummary } from '../../src/commands/revertChanges';
import { planRevert, type RevertPlan } from '../../src/commands/revertPlan';
import type { Template } from '../../src/registry/models';
import { parseDisk, parseTemplate, parseVmConfig } from '../../src/registry/parse';
import { computeOverview } from '../../src/tree/registryOverview';
import { fill, html } from '../../src/webviews/details/html';
import { renderDetails } from '../../src/webviews/details/renderDetails';
import { renderPage } from '../../src/webviews/details/renderPage';
import { LOADING, type DetailsView } from '../../src/webviews/details/view';
import { renderOverview } from '../../src/webviews/overview/renderOverview';
import type { OverviewView } from '../../src/webviews/overview/view';
import { NOW, REGISTRY, summary, template as listedTemplate } from './listingFixtures';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const GIB = 1024 ** 3;

/** Answers every key with the key in marks: `{0} tags` becomes `⟦{0} tags⟧`. */
const PSEUDO = new Proxy<Record<string, string>>({}, {
  get: (_target, key) => (typeof key === 'string' ? `⟦${key}⟧` : undefined),
});

/** What the fixtures put on screen as data: names, URLs, ids, tags, arches. */
const DATA = [
  'http://127.0.0.1:8089', 'http://127.0.0.1:1', 'tpl-sequoia', 'sequoia', 'Local', 'CI',
  'java17', 'ssh', 'vanilla', 'Xcode 16.2', 'arm64', 'amd64', 'fleet-a', 'fleet-b',
  'layer-one.ank', 'layer-two.ank', 'state-one.ank', 'sequoia.ank', 'HTTP 502',
  // The VM config's own values.
  '8G', 'sata', 'shared', 'efi', 'tcp', 'admin',
];
const UNITS = /\b\d+(?:\.\d+)? (?:B|KiB|MiB|GiB|TiB)\b/g;
/** Dates and ages come from the shared formatters, which the brief keeps as they are. */
const DATES = /\b\d{4}-\d\d-\d\d \d\d:\d\d\b/g;
const AGES = new RegExp([
  String.raw`\b(?:in )?\d+ (?:second|minute|hour|day|week|month|year)s?(?: ago)?\b`,
  String.raw`\b(?:yesterday|tomorrow|now|(?:last|next) (?:week|month|year))\b`,
].join('|'), 'g');

function unescapeHtml(text: string): string {
  return text
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'").replace(/&#96;/g, '`').replace(/&amp;/g, '&');
}

/**
 * The page's text (one string: a message may hold markup) and the attributes people read
 * (titles, labels), without the YAML block, which is the config itself.
 */
function visibleTexts(markup: string): string[] {
  const page = markup.replace(/<pre\b[\s\S]*?<\/pre>/g, '');
  const text = page.replace(/<[^>]*>/g, ' ');
  const attributes = [...page.matchAll(/\s(?:title|aria-label|alt|placeholder)="([^"]*)"/g)]
    .map((match) => match[1] ?? '');
  return [text, ...attributes].map(unescapeHtml).map((item) => item.trim()).filter(Boolean);
}

/** What is left of a text once translated parts and data are taken out. */
function untranslated(text: string): string {
  let rest = text;
  while (/⟦[^⟦⟧]*⟧/.test(rest)) {
    rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  }
  for (const data of DATA) {
    rest = rest.split(data).join(' ');
  }
  return rest.replace(UNITS, ' ').replace(DATES, ' ').replace(AGES, ' ').replace(/\s+/g, ' ');
}

function assertAllTranslated(texts: readonly string[], where: string): void {
  const raw = texts.map(untranslated).filter((text) => /\p{L}/u.test(text));
  assert.deepEqual(raw, [], `${where}: text shown without l10n.t`);
  assert.ok(texts.some((text) => text.includes('⟦')), `${where}: the pseudo bundle is in use`);
}

function sequoia(): Template {
  return parseTemplate({
    id: 'tpl-sequoia',
    name: 'sequoia',
    arch: 'arm64',
    size: 30 * GIB,
    last_push: 1764321164,
    last_pull: 1764321164,
    versions: [
      { number: 0, tag: 'vanilla', description: '', images: ['layer-one.ank'], state_files: [],
        size: 20 * GIB, creation_date: 1736162801, last_pull: 1764321164 },
      { number: 1, tag: 'ssh', description: 'Xcode 16.2',
        images: ['layer-one.ank', 'layer-two.ank'], state_files: ['state-one.ank'],
        state_file: 'state-one.ank', size: 26 * GIB, creation_date: 1736162801 },
      { number: 2, tag: '', description: '', images: ['layer-two.ank'], state_files: [],
        creation_date: 1736162801 },
    ],
  });
}

function detailsView(): DetailsView {
  const template = sequoia();
  const config = parseVmConfig({
    name: 'sequoia', ram: '8G', cpu: { cores: 4 }, firmware: { type: 'efi' },
    hard_drives: [{ controller: 'sata', file: 'sequoia.ank' }],
    network_cards: [{ mode: 'shared', port_forwarding_rules: [
      { rule_name: 'ssh', protocol: 'tcp', guest_port: 22, host_port: 0, host_ip: '0.0.0.0' },
    ] }],
    display: { frame_buffer: { password: 'admin', width: 1024, height: 768 } },
  });
  return {
    registry: { name: 'Local', url: 'http://127.0.0.1:8089' },
    templateId: template.id,
    templateName: template.name,
    template: { state: 'ready', value: template },
    selected: 1,
    config: { state: 'ready', value: config },
    disk: { state: 'ready', value: parseDisk({ free: 10 * GIB, total: 100 * GIB }) },
    revealSecrets: false,
    nowMillis: Date.parse('2026-12-04T12:00:00Z'),
  };
}

function overviewView(overrides: Partial<OverviewView> = {}): OverviewView {
  const specs = [
    { id: 'a', name: 'fleet-a', size: 50 * GIB, arch: 'arm64', pulledDaysAgo: 200 },
    { id: 'b', name: 'fleet-b', size: 10 * GIB, arch: 'amd64', pulledDaysAgo: 40 },
    { id: 'c', name: 'sequoia', size: undefined, pulledDaysAgo: 1 },
  ];
  const details = new Map(specs.slice(0, 2).map((spec) => [spec.id, listedTemplate(spec)]));
  return {
    registry: { name: 'CI', url: 'http://127.0.0.1:1' },
    progress: undefined,
    overview: computeOverview({
      summaries: specs.map(summary),
      detailOf: (id) => details.get(id),
      disk: { free: 400 * GIB, total: 1000 * GIB, used: 600 * GIB },
      nowMillis: NOW - 5 * 60_000,
    }),
    gaps: { cancelled: false, failed: 1, firstFailure: 'HTTP 502' },
    failure: undefined,
    nowMillis: NOW,
    ...overrides,
  };
}

function revertPlan(from: number | 'newest'): RevertPlan {
  const plan = planRevert(REGISTRY, sequoia(), from);
  assert.notEqual(typeof plan, 'string', String(plan));
  return plan as RevertPlan;
}

describe('texts under a pseudo-translation', () => {
  before(() => l10n.config({ contents: PSEUDO }));
  after(() => l10n.config({ contents: {} }));

  it('translates every word of the details panel: sizes, layers, disk and config', () => {
    assertAllTranslated(visibleTexts(renderDetails(detailsView()).value), 'details');
    const revealed = renderDetails({ ...detailsView(), revealSecrets: true, selected: 2 });
    assertAllTranslated(visibleTexts(revealed.value), 'details, untagged version');
  });

  it('translates the loading, failed and empty states of the details panel', () => {
    const loading = renderDetails({ ...detailsView(), template: LOADING }).value;
    assertAllTranslated(visibleTexts(loading), 'details loading');
    const parts = renderDetails({ ...detailsView(), config: LOADING, disk: LOADING }).value;
    assertAllTranslated(visibleTexts(parts), 'details, config and disk loading');
    const failed = { state: 'failed', message: 'HTTP 502' } as const;
    const broken = renderDetails({ ...detailsView(), config: failed, disk: failed }).value;
    assertAllTranslated(visibleTexts(broken), 'details, config and disk failed');
    const empty = parseTemplate({ id: 'tpl-sequoia', name: 'sequoia', versions: [], size: 0 });
    const none = renderDetails({
      ...detailsView(), template: { state: 'ready', value: empty }, selected: undefined,
    }).value;
    assertAllTranslated(visibleTexts(none), 'details without tags');
  });

  it('translates every word of the Registry Overview in each of its states', () => {
    assertAllTranslated(visibleTexts(renderOverview(overviewView()).value), 'overview');
    const cancelled = { cancelled: true, failed: 0, firstFailure: undefined };
    assertAllTranslated(
      visibleTexts(renderOverview(overviewView({ gaps: cancelled })).value), 'overview cancelled');
    const progress = { done: 1234, total: 10_000, failed: 0 };
    const loading = renderOverview(overviewView({ overview: undefined, progress })).value;
    assertAllTranslated(visibleTexts(loading), 'overview loading');
    const listing = { done: 0, total: 0, failed: 0 };
    const listed = renderOverview(overviewView({ overview: undefined, progress: listing })).value;
    assertAllTranslated(visibleTexts(listed), 'overview listing');
    const failed = renderOverview(overviewView({ overview: undefined, failure: 'HTTP 502' }));
    assertAllTranslated(visibleTexts(failed.value), 'overview failed');
    const idle = renderOverview(overviewView({ overview: undefined, gaps: undefined }));
    assertAllTranslated(visibleTexts(idle.value), 'overview not computed');
  });

  it('translates the revert and delete confirmations and the revert summary', () => {
    const lines = (text: string): string[] => text.split('\n').map((line) => line.trim());
    for (const confirmation of [
      revertConfirmation([revertPlan(1)]),
      revertConfirmation([revertPlan(0)]),
      revertConfirmation([revertPlan(2), revertPlan(0)]),
      deleteConfirmation([{ registry: REGISTRY, template: sequoia() }]),
      deleteConfirmation([
        { registry: REGISTRY, template: sequoia() },
        { registry: REGISTRY, template: sequoia(), unreadable: 'HTTP 502' },
      ]),
    ]) {
      const texts = [confirmation.message, confirmation.button, ...lines(confirmation.detail)];
      assertAllTranslated(texts.filter(Boolean).map((text) => text.replace(/^•/, '')), 'dialog');
    }
    assertAllTranslated([revertSummary(revertPlan(1)), revertSummary(revertPlan(0))], 'summary');
  });
});

describe('fill', () => {
  it('escapes the message and plain values, keeps markup values, follows the order given', () => {
    const filled = fill('{1} <b> {0} & {0}', html`<em>a</em>`, '<i>');
    assert.equal(filled.value, '&lt;i&gt; &lt;b&gt; <em>a</em> &amp; <em>a</em>');
  });

  it('leaves a placeholder without a value as text', () => {
    assert.equal(fill('{0} and {2}', 'x').value, 'x and {2}');
  });
});

describe('the webview page and scripts', () => {
  it('declares the display language on the page', () => {
    const resources = {
      cspSource: 'https://x', styleUri: 's.css', scriptUris: ['s.js'], nonce: 'n',
    };
    const page = renderPage({ ...resources, language: 'de' }, 'T', html``);
    assert.match(page, /<html lang="de">/);
    assert.match(renderPage(resources, 'T', html``), /<html lang="en">/);
  });

  it('leaves every text to the extension: the scripts write no words of their own', async () => {
    for (const name of ['panel.js', 'details.js', 'overview.js']) {
      const script = await readFile(path.join(ROOT, 'media', name), 'utf8');
      const code = script.replace(/^\s*\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
      const quoted = String.raw`(['"\`])(.*?)\1`;
      const shown = 'textContent|innerText|innerHTML|title|ariaLabel';
      const property = new RegExp(String.raw`\.(?:${shown})\s*=\s*${quoted}`, 'g');
      const attribute = new RegExp(
        String.raw`setAttribute\(\s*'(?:title|aria-label|placeholder)'\s*,\s*${quoted}`, 'g');
      const written = [...code.matchAll(property), ...code.matchAll(attribute)]
        .map((match) => match[2] ?? '')
        .filter((text) => /\p{L}/u.test(text));
      assert.deepEqual(written, [], name);
    }
    const shared = await readFile(path.join(ROOT, 'media', 'panel.js'), 'utf8');
    assert.match(shared, /notice\.textContent = text;/, 'panel.js shows the notices it is sent');
  });
});
