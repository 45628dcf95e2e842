// A registry of 10,000 templates in code-server: it expands at once into a virtualised list,
// the filter finds one template and clears with one click, long templates page their tags,
// and the Registry Overview reads every template.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  answerInputBox,
  expandRow,
  listTreeRows,
  openAnkaRegistryView,
  pickQuickItem,
  readRowTooltip,
  rowLocator,
  runCommand,
  screenshot,
  waitForRow,
  waitForRows,
} from './harness/index.mjs';
import {
  generateFleet, renderedRowCount, timeClickToRows,
} from './support/big-registry-ui.mjs';
import { detailsFrame, waitForPanelText } from './support/details-ui.mjs';
import { answerDialog, readDialog, readQuickPick } from './support/manage-ui.mjs';
import { startRegistry } from './support/local-registry.mjs';
import { registrySettings, SCENARIO_TIMEOUT_MS, withSession } from './support/scenario.mjs';

const FLEET = 'Fleet';
const SAMPLE = 'Sample';
const COUNT = 10_000;
/** One name in the fleet (test/registry/fleet.ts names templates os-tool-index). */
const ONE = 'sonoma-unity-04241';
/** The first template with 200 tags (every 100th has them). */
const LONG = 'tahoe-xcode-15.4-00099';
const options = { timeout: SCENARIO_TIMEOUT_MS };

let fleet;
let sample;

before(async () => {
  fleet = await startRegistry({ seed: generateFleet(COUNT) });
  sample = await startRegistry({ seed: 'sample' });
});

after(async () => {
  await fleet?.close();
  await sample?.close();
});

/** Two registries, so that neither expands by itself and a click does it. */
function settings() {
  return {
    settings: registrySettings([
      { name: FLEET, url: fleet.url },
      { name: SAMPLE, url: sample.url },
    ]),
  };
}

/**
 * Answers the registry quick pick when there is one: with a row focused, the command takes that
 * row's registry, which must be `name`.
 */
async function pickRegistryIfAsked(page, name) {
  const widget = page.locator('.quick-input-widget');
  await widget.waitFor({ state: 'visible', timeout: 15_000 });
  const title = (await widget.locator('.quick-input-title').innerText()).trim();
  if (title.startsWith('Filter Templates of')) {
    assert.equal(title, `Filter Templates of "${name}"`);
  } else {
    await pickQuickItem(page, name);
  }
}

/**
 * Scrolls the tree down with the mouse wheel, a notch at a time as a hand would, until a row
 * labelled `label` renders (the list is virtualised); returns the rows then.
 */
async function scrollToRow(page, container, label) {
  const box = await container.locator('.monaco-list').first().boundingBox();
  for (let notch = 0; notch < 150; notch++) {
    const rows = await listTreeRows(container);
    if (rows.some((row) => row.label === label)) {
      // Away from the rows, so that no tooltip covers them.
      await page.mouse.move(800, 700);
      return rows;
    }
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(40);
  }
  throw new Error(`no row "${label}" after scrolling to the end of the tree`);
}

function templateRows(rows) {
  return rows.filter((row) => row.level === 2 && /-\d{5}$/.test(row.label));
}

test('(a) 10,000 templates: a click shows rows at once, and the filter finds one', options, (t) =>
  withSession('big-registry-filter', settings(), async ({ page }) => {
    const container = await openAnkaRegistryView(page);
    await waitForRows(
      container,
      (rows) => rows.some((row) => row.label === FLEET && /v1\./.test(row.description)),
      'the fleet registry with its version',
    );

    const timing = await timeClickToRows(page, container, FLEET);
    t.diagnostic(`click to first rows: ${timing.ms.toFixed(0)} ms (${timing.firstRows} rows)`);
    const rows = await waitForRows(container, (current) => templateRows(current).length > 10,
      'template rows');
    const rendered = await renderedRowCount(container);
    assert.ok(rendered < 200, `the tree renders ${rendered} rows, not ${COUNT}`);
    assert.match(templateRows(rows)[0].description, /GiB/);
    await screenshot(page, 'big-registry-expanded');
    // End goes to the last row, the Sample registry; the fleet's last row is just above it.
    await container.locator('.monaco-list').first().focus();
    await page.keyboard.press('End');
    const more = await waitForRow(container, 'Show all 10,000 templates');
    assert.equal(more.description, 'the first 1,000 are shown');
    await screenshot(page, 'big-registry-show-all');
    // Back to the fleet's row: the title's Filter acts on the focused row's registry.
    await page.keyboard.press('Home');

    await page.getByRole('button', { name: 'Filter Templates...' }).first().click();
    await pickRegistryIfAsked(page, FLEET);
    const asked = await answerInputBox(page, ONE.toUpperCase(), { matching: /Filter Templates/ });
    assert.match(asked.placeholder, /arch:arm64/);
    const filtered = await waitForRows(
      container,
      (current) => templateRows(current).length === 1
        && /^1 of 10,000 match/.test(current.find((row) => row.label === FLEET)?.description ?? ''),
      'one template under the filter, counted on the registry row',
    );
    assert.equal(templateRows(filtered)[0].label, ONE);
    const fleetRow = filtered.find((row) => row.label === FLEET);
    assert.match(fleetRow.description, /^1 of 10,000 match "SONOMA-UNITY-04241" · /);
    await rowLocator(container, FLEET).hover();
    await screenshot(page, 'big-registry-filtered');

    const clear = rowLocator(container, FLEET).locator('.action-label[aria-label="Clear Filter"]');
    await clear.click();
    await waitForRows(
      container,
      (current) => templateRows(current).length > 10
        && !current.find((row) => row.label === FLEET).description.includes('match'),
      'every template back after Clear Filter',
    );
  }),
);

test('(b) a template with 200 tags shows the newest 50, then all on a click', options, () =>
  withSession('big-registry-tags', settings(), async ({ page }) => {
    const container = await openAnkaRegistryView(page);
    await waitForRow(container, FLEET);
    await runCommand(page, 'Anka Registry: Filter Templates...');
    await pickRegistryIfAsked(page, FLEET);
    await answerInputBox(page, LONG, { matching: /Filter Templates/ });
    await waitForRow(container, LONG);

    await expandRow(container, LONG);
    const newest = await waitForRows(container, (rows) => rows.some((row) => row.level === 3),
      'the tags of the long template');
    assert.equal(newest.find((row) => row.level === 3)?.label, 'build-199');
    const paged = await scrollToRow(page, container, 'Show all 200 tags');
    assert.ok(!paged.some((row) => row.label === 'build-149'), 'older tags wait');
    const more = paged.find((row) => row.label === 'Show all 200 tags');
    assert.match(more.description, /the newest 50 are shown/);
    await screenshot(page, 'big-registry-tags-paged');

    await rowLocator(container, 'Show all 200 tags').click();
    await waitForRows(
      container,
      (rows) => !rows.some((row) => row.label === 'Show all 200 tags'),
      'the "Show all" row to give way',
    );
    const end = await scrollToRow(page, container, 'base');
    assert.match(end.find((row) => row.label === 'base').description, /^#0 · /);
    await screenshot(page, 'big-registry-tags-all');
  }),
);

const OVERVIEW_TITLE =
  '(c) the Registry Overview reads 10,000 templates and shows what fills the disk';

test(OVERVIEW_TITLE, options, () =>
  withSession('big-registry-overview', settings(), async ({ page }) => {
    const container = await openAnkaRegistryView(page);
    await waitForRow(container, FLEET);
    await runCommand(page, 'Anka Registry: Show Registry Overview');
    await pickQuickItem(page, FLEET);

    await waitForPanelText(page, '#largest-title', /Largest templates/, 120_000);
    const summary = await waitForPanelText(page, '#stale-90-summary', /templates hold/);
    assert.match(summary, /^[\d,]+ templates hold [\d.]+ TiB/);
    const subtitle = await detailsFrame(page).locator('.subtitle').innerText();
    assert.match(subtitle, /computed now from 10,000 templates/);
    const arches = await detailsFrame(page).locator('#arch-table').innerText();
    assert.match(arches, /arm64\s+8,000/);
    assert.match(arches, /amd64\s+2,000/);
    await screenshot(page, 'big-registry-overview-figures');

    // VS Code shows "Loading..." in the hover until the row's tooltip is resolved.
    let tooltip = await readRowTooltip(page, container, FLEET);
    for (let attempt = 0; attempt < 10 && /^Loading/.test(tooltip.trim()); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      tooltip = await readRowTooltip(page, container, FLEET);
    }
    assert.match(tooltip, /Templates: 10,000/);
    assert.match(tooltip, /Arch: 8,000 arm64, 2,000 amd64/);

    await detailsFrame(page).locator('#stale-90 button[data-action="filterStale"]').click();
    const stale = await waitForRows(
      container,
      (rows) => templateRows(rows).length > 0 && rows.some((row) => row.label === FLEET
        && /^[\d,]+ of 10,000 match not pulled for 90 days/.test(row.description)),
      'the tree filtered to templates not pulled for 90 days',
    );
    assert.ok(!stale.some((row) => row.label === 'No template matches'));
    await screenshot(page, 'big-registry-stale-filter');
  }),
);

const DETAILS_TITLE =
  '(d) an order by date asks before reading 10,000 details; a filter by arch reads them';

test(DETAILS_TITLE, options, () =>
  withSession('big-registry-details', settings(), async ({ page }) => {
    const container = await openAnkaRegistryView(page);
    await waitForRow(container, FLEET);
    await expandRow(container, FLEET);
    await waitForRows(container, (rows) => templateRows(rows).length > 10, 'template rows');

    await runCommand(page, 'Anka Registry: Sort Templates By...');
    const orders = await readQuickPick(page);
    assert.deepEqual(orders.map((order) => order.label), [
      'Name', 'Size (largest first)', 'Last push (newest first)',
      'Last pull (longest unpulled first)',
    ]);
    await pickQuickItem(page, 'Last pull (longest unpulled first)');
    const asked = await readDialog(page);
    assert.match(asked.message,
      /^Sorting by last pull .* needs the details of 10,000 templates of "Fleet"/);
    assert.match(asked.detail, /10,000 requests to http:\/\/127\.0\.0\.1:\d+, 8 at a time/);
    assert.ok(asked.buttons.includes('Load Details') && asked.buttons.includes('Use Loaded Only'));
    await screenshot(page, 'big-registry-details-question');
    await answerDialog(page, 'Use Loaded Only');
    // Without details, the order falls back to names.
    const byName = await waitForRows(container, (rows) => templateRows(rows).length > 10, 'rows');
    assert.equal(templateRows(byName)[0].label, 'sequoia-flutter-00014');

    await runCommand(page, 'Anka Registry: Filter Templates...');
    await pickRegistryIfAsked(page, FLEET);
    await answerInputBox(page, 'arch:amd64', { matching: /Filter Templates/ });
    await answerDialog(page, 'Load Details');
    const filtered = await waitForRows(
      container,
      (rows) => /^2,000 of 10,000 match amd64 · /.test(
        rows.find((row) => row.label === FLEET)?.description ?? ''),
      'the amd64 templates, counted on the registry row',
      120_000,
    );
    const shown = templateRows(filtered);
    assert.ok(shown.length > 10);
    assert.ok(shown.every((row) => row.description.startsWith('amd64 · ')), 'amd64 rows only');
    await screenshot(page, 'big-registry-amd64-by-last-pull');
  }),
);
