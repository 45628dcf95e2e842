// Reads and drives a tree view contributed by an extension, as a person sees it.
import { activityBarTab } from './workbench.mjs';

export const UI_TIMEOUT_MS = 20_000;
const POLL_MS = 200;
const HOVER_TIMEOUT_MS = 4000;
const HOVER_ATTEMPTS = 4;

/**
 * @typedef {object} TreeRow
 * @property {string} label the row's label
 * @property {string} description the greyed text after the label
 * @property {string} ariaLabel what a screen reader says for the row
 * @property {number} level depth, 1 for top-level rows
 * @property {boolean | null} expanded null for rows without children
 */

/** The view container's pane, by container id (`ankaRegistry` is our activity-bar entry). */
export function viewContainer(page, containerId) {
  return page.locator(`[id="workbench.view.extension.${containerId}"]`);
}

/** Clicks the activity-bar tab `title` unless its container is already open. */
export async function openViewContainer(page, { title, containerId }) {
  const tab = activityBarTab(page, title);
  await tab.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  // The tab's hover would otherwise cover the view in screenshots.
  await page.mouse.move(600, 700);
  const container = viewContainer(page, containerId);
  await container.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  return container;
}

/** The rows currently rendered in `container`, top to bottom. */
export async function listTreeRows(container) {
  return container.locator('.monaco-list-row').evaluateAll((rows) =>
    rows.map((row) => {
      const text = (selector) => row.querySelector(selector)?.textContent?.trim() ?? '';
      const expanded = row.getAttribute('aria-expanded');
      return {
        label: text('.label-name'),
        description: text('.label-description'),
        ariaLabel: row.getAttribute('aria-label') ?? '',
        level: Number(row.getAttribute('aria-level') ?? '1'),
        expanded: expanded === null ? null : expanded === 'true',
      };
    }),
  );
}

/** Polls the rows until `predicate(rows)` holds; returns those rows. */
export async function waitForRows(container, predicate, what, timeoutMs = UI_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  let rows = [];
  while (Date.now() < deadline) {
    rows = await listTreeRows(container);
    if (predicate(rows)) return rows;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const seen = rows.map((row) => `  ${row.label} | ${row.description}`).join('\n');
  throw new Error(`Timed out waiting for ${what}; rows seen:\n${seen || '  (none)'}`);
}

/** Waits for a row whose label is `label` (string: exact, RegExp: match) and returns it. */
export async function waitForRow(container, label, timeoutMs = UI_TIMEOUT_MS) {
  const matches = labelMatcher(label);
  const rows = await waitForRows(
    container,
    (current) => current.some((row) => matches(row.label)),
    `a row labelled ${label}`,
    timeoutMs,
  );
  return rows.find((row) => matches(row.label));
}

/** The row element whose label is `label` (string: exact, RegExp: match). */
export function rowLocator(container, label) {
  const text = typeof label === 'string' ? new RegExp(`^${escapeRegExp(label)}$`) : label;
  // Inner locators of `has` are relative to the row, so they start from the page.
  const name = container.page().locator('.label-name', { hasText: text });
  return container.locator('.monaco-list-row').filter({ has: name }).first();
}

/** Expands the row `label` (no-op when open already) and waits until it shows as expanded. */
export async function expandRow(container, label) {
  await waitForRow(container, label);
  const row = rowLocator(container, label);
  if ((await row.getAttribute('aria-expanded')) === 'false') {
    await row.locator('.monaco-tl-twistie').click();
  }
  await waitForAttribute(row, 'aria-expanded', 'true');
  await waitForTreeQuiet(container);
}

/**
 * Waits until the rows have kept their texts for `quietMs` (at most `maxMs`). When a template's
 * details arrive, the extension updates its row and VS Code draws its children again; a click
 * or a context-menu command that lands on a row while it is redrawn is dropped, as it would be
 * for a person, so the scenarios act once the tree has settled.
 */
export async function waitForTreeQuiet(container, { quietMs = 600, maxMs = 5000 } = {}) {
  const deadline = Date.now() + maxMs;
  let last = '';
  let since = Date.now();
  while (Date.now() < deadline) {
    const rows = await listTreeRows(container);
    const now = JSON.stringify(rows);
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Hovers the row `label` and returns the text of the hover that appears. */
export async function readRowTooltip(page, container, label) {
  const hover = page.locator('.monaco-hover:visible, .workbench-hover:visible').first();
  const name = rowLocator(container, label).locator('.label-name');
  // A hover left over from an earlier click (an activity-bar tab) must not be read instead.
  await page.mouse.move(600, 700);
  await hover.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });

  for (let attempt = 1; ; attempt++) {
    // The workbench reacts to a pointer that travels, not to one that jumps onto the row.
    const box = await name.boundingBox();
    await page.mouse.move(box.x + 2, box.y + box.height / 2, { steps: 5 });
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
    try {
      await hover.waitFor({ state: 'visible', timeout: HOVER_TIMEOUT_MS });
      break;
    } catch (error) {
      if (attempt === HOVER_ATTEMPTS) throw error;
      await page.mouse.move(600, 700, { steps: 5 });
    }
  }
  const text = (await hover.innerText()).trim();
  await page.mouse.move(600, 700);
  return text;
}

async function waitForAttribute(locator, name, value) {
  const deadline = Date.now() + UI_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if ((await locator.getAttribute(name)) === value) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`Timed out waiting for ${name}="${value}" on a tree row`);
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function labelMatcher(label) {
  return typeof label === 'string' ? (text) => text === label : (text) => label.test(text);
}
