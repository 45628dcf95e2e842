#!/usr/bin/env node
// Takes the pictures of the README (media/readme/) and of the walkthrough (media/walkthrough/)
// from the real VS Code (code-server) against the local registry and the stand-in `anka` CLI:
// `node scripts/readme-screenshots.mjs` after `npm run build && npx tsc -p .`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSession } from '../test/e2e/harness/index.mjs';
import { startRegistry } from '../test/e2e/support/local-registry.mjs';
import { FAKE_ANKA, fakeAnkaHome } from '../test/e2e/support/transfer-ui.mjs';
import {
  addRegistryShot, detailsShot, openOverview, openTagDetails, pullShot, REGISTRY_NAME, save,
  setSideBarWidth, showTags, treeShot, WALKTHROUGH_SCALE,
} from './lib/product-shots.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const IMAGES = path.join(ROOT, 'media', 'readme');
const WALKTHROUGH = path.join(ROOT, 'media', 'walkthrough');
const THEME = { 'workbench.colorTheme': 'Default Dark Modern' };

const registry = await startRegistry();
// A slow download, so that the progress notification can be caught half way.
const fake = await fakeAnkaHome([], { FAKE_ANKA_STEP_MS: '300', FAKE_ANKA_STEPS: '20' });
const settings = {
  ...THEME,
  'ankaRegistry.registries': [{ name: REGISTRY_NAME, url: registry.url }],
  'ankaRegistry.ankaPath': FAKE_ANKA,
};
const walkthrough = { deviceScaleFactor: WALKTHROUGH_SCALE };
try {
  await withSession('shots-readme', { settings }, async (page) => {
    const container = await showTags(page, 640);
    await treeShot(page, container, path.join(IMAGES, 'registries-view.png'));
    await setSideBarWidth(page, 470);
    await openTagDetails(page, container);
    await save(page, path.join(IMAGES, 'details-panel.png'));
    await openOverview(page);
    await save(page, path.join(IMAGES, 'registry-overview.png'));
  });

  await withSession('shots-walkthrough-empty', { settings: THEME, ...walkthrough }, (page) =>
    addRegistryShot(page, path.join(WALKTHROUGH, 'add-registry.png')));
  await withSession('shots-walkthrough', { settings, ...walkthrough }, async (page) => {
    const container = await showTags(page, 533);
    await treeShot(page, container, path.join(WALKTHROUGH, 'browse.png'), {
      withActivityBar: false,
    });
    await openTagDetails(page, container);
    await detailsShot(page, path.join(WALKTHROUGH, 'details.png'));
    await pullShot(page, container, path.join(WALKTHROUGH, 'pull.png'));
  });
} finally {
  await fake.restore();
  await registry.close();
}

/** Runs `shoot(page)` in a fresh code-server session; `options` go to startSession. */
async function withSession(label, options, shoot) {
  const session = await startSession({ label, ...options });
  try {
    await shoot(session.page);
  } finally {
    await session.close();
  }
}
