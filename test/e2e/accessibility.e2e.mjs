// Accessibility: what a screen reader hears for the tree's rows, and the details panel and the
// Registry Overview used with the keyboard alone (no mouse), in the high-contrast themes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openAnkaRegistryView, screenshot, waitForRow, waitForRows } from './harness/index.mjs';
import {
  detailsFrame, detailsSeed, waitForDiffEditor, waitForPanelText,
} from './support/details-ui.mjs';
import {
  announced, arrowToRow, expandFocusedRow, focusTree, panelFocus, pressCommand, tabTo, waitUntil,
} from './support/keyboard-ui.mjs';
import { startRegistry } from './support/local-registry.mjs';
import { registrySettings, SCENARIO_TIMEOUT_MS, withSession } from './support/scenario.mjs';

const REGISTRY_NAME = 'Local Registry';
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
  settings['workbench.colorTheme'] = theme;
  return { settings };
}

/**
 * Asserts that the page runs the shared script first, then its own, both under one nonce
 * (VS Code adds an inline script of its own, without a src).
 */
async function assertPageScripts(frame, own) {
  const scripts = await frame.locator('body').evaluate(() => [...document.scripts]
    .filter((script) => script.src !== '')
    .map((script) => ({
      name: new URL(script.src).pathname.split('/').pop(),
      nonce: script.nonce,
    })));
  assert.deepEqual(scripts.map((script) => script.name), ['panel.js', own]);
  assert.ok(scripts[0].nonce !== '' && scripts[0].nonce === scripts[1].nonce, 'one nonce');
}

/** Asserts that the focused control draws its outline in the theme's focus colour. */
function assertFocusRing(focus) {
  assert.equal(focus.outline, `solid ${focus.focusColor}`, `the focus ring of ${focus.id}`);
}

test('(a) tree rows speak; the details panel works with Tab, arrows and Enter (dark HC)',
  options, () => withSession('a11y-keyboard', sessionOptions('Default High Contrast'),
    async ({ page }) => {
      const container = await openAnkaRegistryView(page);
      // Focused before the extension has registered its tree, the view would lose the focus.
      await waitForRow(container, REGISTRY_NAME);
      await focusTree(page, container, 'Anka Registry: Focus on Registries View');
      const top = await arrowToRow(page, container, REGISTRY_NAME, 'Home');
      assert.match(top.ariaLabel, new RegExp(
        `^Registry ${REGISTRY_NAME}, 127\\.0\\.0\\.1:\\d+, version 1\\.13\\.0, reachable, ` +
        '[\\d.]+ GiB free of [\\d.]+ GiB$',
      ));
      await expandFocusedRow(page, container);
      await waitForRows(container, (rows) => rows.some((row) => row.label === 'sequoia'
        && row.ariaLabel.includes('3 tags')), 'the template details');
      const template = await arrowToRow(page, container, 'sequoia');
      assert.match(template.ariaLabel,
        /^Template sequoia, arch arm64, 26\.3 GiB, 3 tags, last pushed .+$/);
      await expandFocusedRow(page, container);
      const tag = await arrowToRow(page, container, 'ssh');
      assert.match(tag.ariaLabel, /^Tag ssh, version 1 of sequoia, 25\.1 GiB, arch arm64, /);
      assert.match(tag.ariaLabel, /, with a suspended VM state$/);
      assert.equal(tag.ariaLabel.match(/suspended/g).length, 1, 'the state is said once');
      const newest = await arrowToRow(page, container, 'java17', 'ArrowUp');
      assert.match(newest.ariaLabel, /^Tag java17, version 2 of sequoia, newest, /);
      assert.doesNotMatch(newest.ariaLabel, /suspended|·/);

      // Enter on the tag opens its details; the editor group takes the focus from the keyboard.
      await page.keyboard.press('Enter');
      await waitForPanelText(page, '#config-summary', /RAM\s+12G/);
      await assertPageScripts(detailsFrame(page), 'details.js');
      await pressCommand(page, 'View: Focus First Editor Group');
      const first = await tabTo(page, (focus) => focus.id === 'refresh');
      assertFocusRing(first.focus);
      const order = await tabTo(page, (focus) => focus.id === 'copy-config');
      assert.deepEqual(order.seen.slice(0, 3), ['tag-select', 'compare-previous', 'compare-with']);
      assertFocusRing(order.focus);
      await page.keyboard.press('Enter');
      await waitForPanelText(page, '#notice', /Copied the VM config of java17/);
      await screenshot(page, 'a11y-keyboard-focus-ring');

      const select = await tabTo(page, (focus) => focus.id === 'tag-select', { back: true });
      assertFocusRing(select.focus);
      await page.keyboard.press('ArrowDown');
      await waitForPanelText(page, '#config-summary', /RAM\s+8G/);
      await waitUntil(async () => (await panelFocus(page)).id === 'tag-select',
        'the focus to stay on the tag switcher after the panel re-rendered');

      // Every control in reading order; the layer table scrolls sideways, so it takes focus too.
      const rest = await tabTo(page, (focus) => focus.role === 'region');
      assert.deepEqual(rest.seen, [
        'compare-previous', 'compare-with', 'toggle-secrets', 'copy-config', 'open-config',
        'config-yaml', 'region Layers',
      ]);
      assertFocusRing(rest.focus);
      await screenshot(page, 'a11y-keyboard-layers');

      // Refresh replaces the whole panel; the new Refresh button has the focus again.
      await tabTo(page, (focus) => focus.id === 'refresh', { back: true });
      const refresh = detailsFrame(page).locator('#refresh');
      await refresh.evaluate((button) => button.setAttribute('data-before', ''));
      await page.keyboard.press('Enter');
      await waitUntil(async () => (await refresh.getAttribute('data-before')) === null,
        'the panel to render again');
      await waitForPanelText(page, '#config-summary', /RAM\s+8G/);
      assert.equal((await panelFocus(page)).id, 'refresh', 'Refresh keeps the focus');

      await tabTo(page, (focus) => focus.id === 'compare-previous');
      await page.keyboard.press('Enter');
      assert.match(await waitForDiffEditor(page), /^sequoia: /);
    }));

test('(b) the Registry Overview with the keyboard, in the light high-contrast theme',
  options, () => withSession('a11y-overview', sessionOptions('Default High Contrast Light'),
    async ({ page }) => {
      await openAnkaRegistryView(page);
      await pressCommand(page, 'Anka Registry: Show Registry Overview');
      const frame = detailsFrame(page);
      await waitForPanelText(page, '#largest-title', /Largest templates/, 60_000);
      await assertPageScripts(frame, 'overview.js');
      await waitUntil(async () => /Overview computed from \d+ templates/.test(
        await announced(page)), 'the overview to announce its figures');
      await screenshot(page, 'a11y-overview-light');

      // Refresh is disabled while it runs; the focus waits on Cancel, then comes back to it.
      await pressCommand(page, 'View: Focus First Editor Group');
      await tabTo(page, (focus) => focus.id === 'refresh', { frame });
      const refresh = frame.locator('#refresh');
      await refresh.evaluate((button) => button.setAttribute('data-before', ''));
      await page.keyboard.press('Enter');
      await waitUntil(async () => (await refresh.getAttribute('data-before')) === null &&
        (await refresh.isEnabled()), 'the overview to be computed again');
      await waitUntil(async () => (await panelFocus(page, frame)).id === 'refresh',
        'the focus back on Refresh');

      const details = await tabTo(page, (focus) => focus.action === 'showTemplate', { frame });
      assertFocusRing(details.focus);
      assert.match(details.focus.label, /^Details of \S+/);
      const name = details.focus.label.replace(/^Details of /, '');
      await page.keyboard.press('Enter');
      await waitForPanelText(page, '#template-name', new RegExp(`^${name.replace(/\./g, '\\.')}$`));
      await screenshot(page, 'a11y-details-light');
    }));
