#!/usr/bin/env node
// Takes the README's pictures from the real VS Code (code-server) against the local registry:
// `node scripts/readme-screenshots.mjs` after `npm run build && npx tsc -p .`.
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  expandRow, openAnkaRegistryView, screenshot, startSession, waitForRows,
} from '../test/e2e/harness/index.mjs';
import { startRegistry } from '../test/e2e/support/local-registry.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const IMAGES = path.join(ROOT, 'docs', 'images');
const TEMPLATE = 'sequoia-xcode-16.2';

const registry = await startRegistry();
const session = await startSession({
  label: 'readme',
  settings: {
    'ankaRegistry.registries': [{ name: 'CI Registry', url: registry.url }],
    'workbench.colorTheme': 'Default Dark Modern',
  },
});
try {
  const { page } = session;
  const container = await openAnkaRegistryView(page);
  // A wider side bar, so descriptions show in full as they would on a real screen.
  await widenSideBar(page, 640);
  await expandRow(container, 'CI Registry');
  await waitForRows(
    container,
    (rows) => rows.some((row) => row.label === TEMPLATE && row.description.includes('tags')),
    'the template details',
  );
  await expandRow(container, TEMPLATE);
  await waitForRows(container, (rows) => rows.some((row) => row.level === 3), 'the tags');
  await page.mouse.move(900, 700);
  const file = await screenshot(page, 'readme-registries-view');
  await mkdir(IMAGES, { recursive: true });
  await copyFile(file, path.join(IMAGES, 'registries-view.png'));
  console.log(`Saved ${path.join(IMAGES, 'registries-view.png')}`);
} finally {
  await session.close();
  await registry.close();
}

/** Drags the sash between the side bar and the editor to `width` pixels. */
async function widenSideBar(page, width) {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box) return;
  const edge = box.x + box.width;
  await page.mouse.move(edge - 1, 400);
  await page.mouse.down();
  await page.mouse.move(box.x + width, 400, { steps: 10 });
  await page.mouse.up();
}
