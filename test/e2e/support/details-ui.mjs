// The template details panel (a webview), the editors it opens, and the registry seed for it.
import { createRequire } from 'node:module';
import path from 'node:path';
import { REPO_ROOT, rowLocator, waitForTreeQuiet } from '../harness/index.mjs';

const TIMEOUT_MS = 20_000;
const require = createRequire(import.meta.url);

/** The sample fleet plus the templates with markup in their names (test/registry/seedDetails). */
export function detailsSeed() {
  const registryDir = path.join(REPO_ROOT, 'out', 'test', 'registry');
  const { sampleTemplates } = require(path.join(registryDir, 'seed.js'));
  const { detailsTemplates } = require(path.join(registryDir, 'seedDetails.js'));
  return [...sampleTemplates(), ...detailsTemplates()];
}

/** The details panel's document: VS Code nests the extension's page in two frames. */
export function detailsFrame(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/** Waits until the element `selector` in the panel shows text matching `pattern`; returns it. */
export async function waitForPanelText(page, selector, pattern, timeoutMs = TIMEOUT_MS) {
  const element = detailsFrame(page).locator(selector);
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text = (await element.innerText({ timeout: 1000 }).catch(() => '')).trim();
    if (pattern.test(text)) return text;
    await page.waitForTimeout(200);
  }
  throw new Error(`Timed out waiting for ${selector} to match ${pattern}; it shows: "${text}"`);
}

/** Right-clicks the tree row `label` and chooses `item` from its context menu. */
export async function chooseRowMenuItem(page, container, label, item) {
  // A menu opened on a row that VS Code is redrawing runs its command without the row.
  await waitForTreeQuiet(container);
  await rowLocator(container, label).click({ button: 'right' });
  const menu = page.locator('.monaco-menu').first();
  const entry = menu.locator('.action-label', { hasText: item }).first();
  await entry.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  // The menu ignores a click that comes right after it opened.
  await page.waitForTimeout(300);
  await entry.hover();
  await page.keyboard.press('Enter');
  await menu.waitFor({ state: 'hidden', timeout: TIMEOUT_MS });
}

/** The text of the lines the active editor shows. */
export async function activeEditorText(page) {
  const lines = page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
  await lines.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  return plain(await lines.innerText());
}

/** Monaco renders spaces as no-break spaces. */
function plain(text) {
  return text.replace(/\u00a0/g, ' ');
}

/** Waits for a diff editor to be the active tab and returns the tab's label. */
export async function waitForDiffEditor(page) {
  const group = page.locator('.editor-group-container.active');
  const diff = group.locator('.monaco-diff-editor').first();
  await diff.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  const tab = group.locator('.tab.active .label-name', { hasText: '↔' }).first();
  await tab.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  return (await tab.innerText()).trim();
}

/** Both sides of the visible diff editor, as text, once both have rendered their lines. */
export async function readDiffSides(page) {
  const diff = page.locator('.editor-group-container.active .monaco-diff-editor').first();
  const side = (name) => diff.locator(`.editor.${name} .lines-content > .view-lines`);
  const deadline = Date.now() + TIMEOUT_MS;
  let sides = { original: '', modified: '' };
  while (Date.now() < deadline) {
    const original = await side('original').innerText({ timeout: 1000 }).catch(() => '');
    const modified = await side('modified').innerText({ timeout: 1000 }).catch(() => '');
    sides = { original: plain(original), modified: plain(modified) };
    // Each side loads its document on its own; one can still be empty after the tab shows.
    if (sides.original.trim() && sides.modified.trim()) return sides;
    await page.waitForTimeout(200);
  }
  return sides;
}
