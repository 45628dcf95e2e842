// Template details: the panel from a tag click, tag switching, the config document, the diff
// editor, escaping, and how the panel looks in the light, dark and high-contrast themes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  expandRow,
  openAnkaRegistryView,
  pickQuickItem,
  rowLocator,
  runCommand,
  screenshot,
  waitForRow,
  waitForTreeQuiet,
  waitForWorkbench,
} from './harness/index.mjs';
import {
  activeEditorText,
  chooseRowMenuItem,
  detailsFrame,
  detailsSeed,
  readDiffSides,
  waitForDiffEditor,
  waitForPanelText,
} from './support/details-ui.mjs';
import { startRegistry } from './support/local-registry.mjs';
import { registrySettings, SCENARIO_TIMEOUT_MS, withSession } from './support/scenario.mjs';

const REGISTRY_NAME = 'Local Registry';
const HOSTILE_NAME = '<img src=x onerror=alert(1)>';
const HIGH_CONTRAST = 'Default High Contrast';
const options = { timeout: SCENARIO_TIMEOUT_MS };

let registry;

before(async () => {
  registry = await startRegistry({ seed: detailsSeed() });
});

after(async () => {
  await registry?.close();
});

function sessionOptions(theme) {
  const settings = registrySettings([{ name: REGISTRY_NAME, url: registry.url }]);
  if (theme) settings['workbench.colorTheme'] = theme;
  return { settings };
}

/** Opens the view and expands the registry and `template`, waiting for the tag `tag`. */
async function showTags(page, template, tag) {
  const container = await openAnkaRegistryView(page);
  await expandRow(container, REGISTRY_NAME);
  await expandRow(container, template);
  await waitForRow(container, tag);
  return container;
}

/**
 * Clicks a tag row: its details panel opens. Waits for the panel's config summary.
 * When a template's details arrive, VS Code draws its tag rows again; a click that lands while
 * it does is dropped ("command not found" in the browser log), so a person would click again.
 */
async function clickTag(page, container, tag, summaryPattern) {
  const panel = page.locator('iframe.webview.ready');
  await waitForTreeQuiet(container);
  for (let attempt = 1; attempt <= 3; attempt++) {
    await rowLocator(container, tag).click();
    const opened = await panel.first().waitFor({ state: 'attached', timeout: 5_000 })
      .then(() => true, () => false);
    if (opened) break;
    console.log(`clickTag: no panel after click ${attempt} on ${tag}; clicking again`);
  }
  return waitForPanelText(page, '#config-summary', summaryPattern);
}

test('(a) a tag click shows its config and sizes; tags switch; config and diff open', options, () =>
  withSession('details-dark', sessionOptions('Default Dark Modern'), async ({ page }) => {
    const container = await showTags(page, 'sequoia', 'ssh');

    const summary = await clickTag(page, container, 'ssh', /RAM\s+8G/);
    assert.match(summary, /CPU cores\s+4/);
    assert.match(summary, /VNC password\s+\*{8}/);
    assert.match(summary, /Suspended state\s+stored/);
    const yaml = await waitForPanelText(page, '#config-yaml', /cores: 4/);
    assert.match(yaml, /password: '\*{8}'/);
    assert.doesNotMatch(yaml, /admin/);
    const stored = /Stored on the registry\s+26\.3 GiB/;
    const totals = await waitForPanelText(page, '#size-totals', stored);
    assert.match(totals, /Saved by sharing layers\s+50\.2 GiB/);
    await waitForPanelText(page, '#tag-sizes', /#1 ssh\s+25\.1 GiB/);
    await waitForPanelText(page, '#disk-legend', /This template: 26\.3 GiB/);
    const rules = await waitForPanelText(page, '#port-rules', /ssh\s+tcp\s+22/);
    assert.match(rules, /0 \(any free port\)/);

    await detailsFrame(page).locator('#tag-select').selectOption('2');
    await waitForPanelText(page, '#config-summary', /RAM\s+12G/);
    await waitForPanelText(page, '#config-summary', /Suspended state\s+none/);
    await waitForPanelText(page, '#tag-sizes', /#2 java17\s+26\.3 GiB\s+\+1\.2 GiB\s+1 layer/);
    await detailsFrame(page).locator('#copy-config').click();
    await waitForPanelText(page, '#notice', /Copied the VM config of java17 \(password masked\)/);
    await page.mouse.move(1200, 780);
    await screenshot(page, 'details-dark-panel');
    await detailsFrame(page).locator('#layers').scrollIntoViewIfNeeded();
    await screenshot(page, 'details-dark-sizes');

    await detailsFrame(page).locator('#open-config').click();
    await page.locator('.tab.active .label-name', { hasText: 'java17.yaml' }).first()
      .waitFor({ timeout: 20_000 });
    const document = await activeEditorText(page);
    assert.match(document, /ram: 12G/);
    assert.match(document, /VM config of tag "java17" \(version 2\) of template sequoia/);
    await screenshot(page, 'details-dark-document');

    await detailsFrame(page).locator('#compare-previous').click();
    const label = await waitForDiffEditor(page);
    assert.equal(label, 'sequoia: ssh ↔ java17');
    const sides = await readDiffSides(page);
    assert.match(sides.original, /ram: 8G/);
    assert.match(sides.modified, /ram: 12G/);
  }),
);

test('(b) from the palette and the context menu: compare two tags, open a config', options, () =>
  withSession('details-palette', sessionOptions(), async ({ page }) => {
    const container = await showTags(page, '12.4', 'vanilla+port-forward-22');

    await runCommand(page, 'Anka Registry: Compare with Tag...');
    await pickQuickItem(page, /^12\.4$/);
    await pickQuickItem(page, /^vanilla\+port-forward-22\+brew-git$/);
    await pickQuickItem(page, /^vanilla$/);
    const label = await waitForDiffEditor(page);
    assert.equal(label, '12.4: vanilla ↔ vanilla+port-forward-22+brew-git');
    const sides = await readDiffSides(page);
    assert.match(sides.modified, /rule_name: ssh/);

    await chooseRowMenuItem(page, container, 'vanilla+port-forward-22', 'Open VM Config');
    await page.locator('.tab.active .label-name', { hasText: 'vanilla+port-forward-22.yaml' })
      .first().waitFor({ timeout: 20_000 });
    assert.match(await activeEditorText(page), /guest_port: 22/);

    const tag = 'vanilla+port-forward-22';
    await chooseRowMenuItem(page, container, tag, 'Compare with Previous Tag');
    assert.equal(await waitForDiffEditor(page), '12.4: vanilla ↔ vanilla+port-forward-22');
  }),
);

test('(c) markup from the server stays text, in the light theme', options, () =>
  withSession('details-light', sessionOptions('Default Light Modern'), async ({ page }) => {
    const container = await showTags(page, HOSTILE_NAME, '"><script>alert(2)</script>');
    await clickTag(page, container, '"><script>alert(2)</script>', /RAM\s+<u>8G<\/u>/);

    const title = await waitForPanelText(page, '#template-name', /onerror/);
    assert.equal(title, HOSTILE_NAME, 'the name shows as typed, not as an image');
    const frame = detailsFrame(page);
    const injected = await frame.locator('body').evaluate((body) => ({
      elements: body.querySelectorAll('img, iframe, [onerror], [onload], [onmouseover]').length,
      scripts: [...document.scripts].filter((script) => /alert/.test(script.textContent)).length,
    }));
    assert.deepEqual(injected, { elements: 0, scripts: 0 });
    await waitForPanelText(page, '#tag-description', /<\/pre><svg onload=alert\(4\)>/);

    await frame.locator('#toggle-secrets').click();
    await waitForPanelText(page, '#config-summary', /VNC password\s+<s>secret<\/s>/);
    await waitForPanelText(page, '#config-yaml', /password: <s>secret<\/s>/);
    await page.mouse.move(1200, 780);
    await screenshot(page, 'details-light-panel');
    await frame.locator('#sizes').scrollIntoViewIfNeeded();
    await screenshot(page, 'details-light-sizes');

    await frame.locator('#tag-select').selectOption('0');
    await waitForPanelText(page, '#port-rules', /<i>ssh<\/i>/);
    await waitForPanelText(page, '#tag-description', /<b onmouseover=alert\(3\)>bold<\/b>/);
  }),
);

test('(d) the panel in the high-contrast theme, with a suspended tag', options, () =>
  withSession('details-high-contrast', sessionOptions(HIGH_CONTRAST), async ({ page }) => {
    const container = await showTags(page, 'sequoia-xcode-16.2', 'nightly_2026.12.03');
    await clickTag(page, container, 'nightly_2026.12.03', /RAM\s+16G/);
    await waitForPanelText(page, '#tag-state', /suspended VM state/);
    await waitForPanelText(page, '#layer-matrix', /state/);
    await page.mouse.move(1200, 780);
    await screenshot(page, 'details-high-contrast-panel');
    await detailsFrame(page).locator('#config-yaml').scrollIntoViewIfNeeded();
    await screenshot(page, 'details-high-contrast-yaml');
    await detailsFrame(page).locator('#disk').scrollIntoViewIfNeeded();
    await screenshot(page, 'details-high-contrast-sizes');

    // After a window reload the panel comes back on the same tag.
    await runCommand(page, 'Developer: Reload Window');
    await page.waitForEvent('load', { timeout: 30_000 });
    await waitForWorkbench(page);
    await waitForPanelText(page, '#tag-select', /nightly_2026\.12\.03/);
    await waitForPanelText(page, '#config-summary', /RAM\s+16G/);
  }),
);

test('(e) a failing registry shows the error in the panel, and Refresh recovers', options, () =>
  withSession('details-error', sessionOptions(), async ({ page }) => {
    const container = await showTags(page, 'appium-base', 'suspended');
    registry.setFaults([{ path: '/registry/vm/info', kind: 'html', status: 503 }]);
    try {
      await rowLocator(container, 'suspended').click();
      const error = await waitForPanelText(page, '#config .error', /503/);
      assert.match(error, /Could not read the VM config of this tag/);
      await page.mouse.move(1200, 780);
      await screenshot(page, 'details-error-panel');
    } finally {
      registry.clearFaults();
    }
    await detailsFrame(page).locator('#refresh').click();
    await waitForPanelText(page, '#config-summary', /RAM\s+2G/);
  }),
);
