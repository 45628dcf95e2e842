// The pictures of the README and the walkthrough, each taken from the product in code-server.
// Every function gets an open workbench page and saves a PNG; the caller starts the sessions.
// Sizes are CSS pixels; walkthrough sessions run at 1.5 device pixels per CSS pixel, the density
// VS Code assumes for walkthrough images, so 533 CSS pixels make an 800-pixel-wide picture.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import {
  expandRow, openAnkaRegistryView, pickQuickItem, rowLocator, runCommand, waitForRows,
} from '../../test/e2e/harness/index.mjs';
import { detailsFrame, waitForPanelText } from '../../test/e2e/support/details-ui.mjs';
import { chooseFromRowMenu } from '../../test/e2e/support/manage-ui.mjs';
import { pickLabel, watchToast } from '../../test/e2e/support/transfer-ui.mjs';

export const REGISTRY_NAME = 'CI Registry';
export const WALKTHROUGH_SCALE = 1.5;
const TEMPLATE = 'sequoia-xcode-16.2';
const TAG = 'nightly_2026.12.03';
const PULLED_TEMPLATE = 'sequoia';
const PULLED_TAG = 'java17';
/** The widest walkthrough picture, in CSS pixels. */
const WALKTHROUGH_WIDTH = 533;

/** Saves the page, or the part `clip` of it, as `file`; returns the file. */
export async function save(page, file, clip) {
  await mkdir(path.dirname(file), { recursive: true });
  const viewport = page.viewportSize();
  await page.mouse.move(viewport.width - 2, viewport.height - 2);
  await page.waitForTimeout(300);
  await page.screenshot({ path: file, ...(clip ? { clip: whole(clip) } : {}) });
  console.log(`Saved ${file}`);
  return file;
}

function whole(clip) {
  return {
    x: Math.max(0, Math.round(clip.x)),
    y: Math.max(0, Math.round(clip.y)),
    width: Math.floor(clip.width),
    height: Math.floor(clip.height),
  };
}

/** Drags the sash between the side bar and the editor until the side bar is `width` wide. */
export async function setSideBarWidth(page, width) {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box) return;
  const edge = box.x + box.width;
  const y = Math.round(page.viewportSize().height / 2);
  await page.mouse.move(edge - 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 10 });
  await page.mouse.up();
}

/** The empty view with the Add Registry box, a URL typed in; for a session without registries. */
export async function addRegistryShot(page, file) {
  await openAnkaRegistryView(page);
  await page.locator('.welcome-view-content').first().waitFor({ timeout: 20_000 });
  await page.setViewportSize({ width: WALKTHROUGH_WIDTH, height: 500 });
  await setSideBarWidth(page, 250);
  await runCommand(page, 'Anka Registry: Add Registry...');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.pressSequentially('http://anka.registry:8089', { delay: 10 });
  return save(page, file);
}

/** Expands the registry and the template down to its tags, the side bar `width` wide. */
export async function showTags(page, width) {
  const container = await openAnkaRegistryView(page);
  await setSideBarWidth(page, width);
  await expandRow(container, REGISTRY_NAME);
  await waitForRows(
    container,
    (rows) => rows.some((row) => row.label === TEMPLATE && row.description.includes('tags')),
    'the template details',
    60_000,
  );
  await expandRow(container, TEMPLATE);
  await waitForRows(container, (rows) => rows.some((row) => row.level === 3), 'the tags');
  return container;
}

/** The side bar down to its last row; `withActivityBar` false starts at the side bar. */
export async function treeShot(page, container, file, { withActivityBar = true } = {}) {
  const sideBar = await page.locator('.part.sidebar').boundingBox();
  const rows = container.locator('.monaco-list-row');
  const last = await rows.nth((await rows.count()) - 1).boundingBox();
  const x = withActivityBar ? 0 : sideBar.x;
  const width = Math.floor(sideBar.x + sideBar.width - x);
  const height = last.y + last.height + 12 - sideBar.y;
  return save(page, file, { x, y: sideBar.y, width, height });
}

/** Clicks the tag and waits for its details panel to show the config and the sizes. */
export async function openTagDetails(page, container) {
  await rowLocator(container, TAG).click();
  await waitForPanelText(page, '#config-summary', /RAM/);
  await waitForPanelText(page, '#size-totals', /Stored on the registry/);
  await waitForPanelText(page, '#disk-legend', /This template/);
}

/**
 * The details panel alone, as wide as a walkthrough picture: the side bar hidden and the window
 * narrowed, so that the panel lays itself out for that width. Cut below the config summary.
 */
export async function detailsShot(page, file) {
  await command(page, 'View: Toggle Primary Side Bar Visibility');
  const activityBar = await page.locator('.part.activitybar').boundingBox();
  await page.setViewportSize({ width: activityBar.width + WALKTHROUGH_WIDTH, height: 800 });
  await page.waitForTimeout(500);
  const editor = await page.locator('.part.editor').boundingBox();
  const summary = await detailsFrame(page).locator('#config-summary').boundingBox();
  await save(page, file, {
    x: editor.x,
    y: editor.y,
    width: editor.width,
    height: summary.y + summary.height + 12 - editor.y,
  });
  await command(page, 'View: Toggle Primary Side Bar Visibility');
}

/** Opens the Registry Overview from the palette and waits for its figures. */
export async function openOverview(page) {
  await runCommand(page, 'Anka Registry: Show Registry Overview');
  await pickQuickItem(page, REGISTRY_NAME).catch(() => undefined);
  await waitForPanelText(page, '#largest-title', /Largest templates/, 60_000);
  await waitForPanelText(page, '#arches-title', /arch/);
}

/**
 * Pulls a tag of the small template `sequoia` with the stand-in CLI and saves the tree with the
 * progress notification under it, once the download is under way. Resolves when it is done.
 */
export async function pullShot(page, container, file) {
  await command(page, 'View: Close All Editors');
  await page.setViewportSize({ width: WALKTHROUGH_WIDTH, height: 520 });
  await setSideBarWidth(page, 300);
  await collapseRow(container, TEMPLATE);
  await expandRow(container, PULLED_TEMPLATE);
  await waitForRows(container, (rows) => rows.some((row) => row.label === PULLED_TAG), 'tags');
  await chooseFromRowMenu(page, container, PULLED_TAG, 'Pull to This Mac...');
  await pickLabel(page, 'Pull');
  const title = new RegExp(`^Pulling ${PULLED_TEMPLATE} · ${PULLED_TAG}`);
  await watchToast(page, title, /downloading · [3-6]\d%/);
  await save(page, file);
  await watchToast(page, title, null);
  return file;
}

/** The palette, once more when a panel's reload took the focus from it the first time. */
async function command(page, title) {
  await runCommand(page, title).catch(() => runCommand(page, title));
}

async function collapseRow(container, label) {
  const row = rowLocator(container, label);
  if ((await row.getAttribute('aria-expanded')) === 'true') {
    await row.locator('.monaco-tl-twistie').click();
  }
}
