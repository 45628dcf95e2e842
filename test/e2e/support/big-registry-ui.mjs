// Measures and drives a big registry in the Registries view: the time from a click to rows,
// and the rows VS Code actually renders (the tree is virtualised).
import { createRequire } from 'node:module';
import path from 'node:path';
import { REPO_ROOT, rowLocator } from '../harness/index.mjs';

const TIMEOUT_MS = 60_000;

/** The generated fleet of test/registry/fleet.ts (compiled into out/). */
export function generateFleet(count) {
  const fleet = path.join(REPO_ROOT, 'out', 'test', 'registry', 'fleet.js');
  return createRequire(import.meta.url)(fleet).generateFleet(count);
}

/**
 * Clicks the twistie of the row `label` and resolves with the milliseconds, on the page's own
 * clock, from the mouse press to the first rendered child row (aria-level one deeper).
 */
export async function timeClickToRows(page, container, label) {
  const row = rowLocator(container, label);
  const level = Number((await row.getAttribute('aria-level')) ?? '1');
  const containerId = await container.getAttribute('id');
  await page.evaluate(
    ({ id, childLevel }) => {
      const probe = { clicked: undefined, rows: undefined, count: 0 };
      globalThis.__ankaClickProbe = probe;
      document.addEventListener('mousedown', () => {
        probe.clicked ??= performance.now();
      }, { capture: true, once: true });
      const selector = `[id="${id}"] .monaco-list-row[aria-level="${childLevel}"]`;
      const check = () => {
        const rows = document.querySelectorAll(selector);
        if (probe.clicked !== undefined && rows.length > 0) {
          probe.rows = performance.now();
          probe.count = rows.length;
          return;
        }
        requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    },
    { id: containerId, childLevel: level + 1 },
  );
  await row.locator('.monaco-tl-twistie').click();
  await page.waitForFunction(() => globalThis.__ankaClickProbe.rows !== undefined, null, {
    timeout: TIMEOUT_MS,
  });
  return page.evaluate(() => {
    const probe = globalThis.__ankaClickProbe;
    return { ms: probe.rows - probe.clicked, firstRows: probe.count };
  });
}

/** How many rows of the view are in the DOM: a virtualised list keeps this to a screenful. */
export function renderedRowCount(container) {
  return container.locator('.monaco-list-row').count();
}
