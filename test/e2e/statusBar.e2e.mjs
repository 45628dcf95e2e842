// The default registry in the status bar: reachable with its version and free disk, the error
// look while the registry is down and back after Refresh, the ankaRegistry.defaultRegistry
// setting, and a click that opens the Registries view.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  openAnkaRegistryView, registriesPane, runCommand, screenshot, sideBarTitle, viewContainer,
} from './harness/index.mjs';
import { registryVersion, startRegistry } from './support/local-registry.mjs';
import { registrySettings, SCENARIO_TIMEOUT_MS, withSession } from './support/scenario.mjs';
import {
  clickStatusBarItem, readStatusBarItem, readStatusBarTooltip, waitForStatusBarItem,
} from './support/status-bar-ui.mjs';

const NAME = 'Build Registry';
const options = { timeout: SCENARIO_TIMEOUT_MS };

function showsVersion(version) {
  return (item) => item?.look === 'normal' && item.text.startsWith(`${NAME} · ${version} ·`);
}

test('(a) reachable, then down (error look), then back after Refresh', options, async () => {
  let registry = await startRegistry();
  const { port, url } = registry;
  const version = await registryVersion(registry);
  try {
    const settings = registrySettings([{ name: NAME, url }]);
    await withSession('status-bar', { settings }, async ({ page }) => {
      // The view stays closed: the item comes with the window.
      const up = await waitForStatusBarItem(page, showsVersion(version), `${NAME} ${version}`);
      assert.match(up.text, /· [\d.]+ (KiB|MiB|GiB|TiB) free$/);
      assert.match(up.label, new RegExp(`^Anka Registry ${NAME}: reachable, ${version}, `));
      const tooltip = await readStatusBarTooltip(page);
      assert.match(tooltip, new RegExp(`Anka Registry: ${NAME}`));
      assert.match(tooltip, /Disk: [\d.]+ GiB free of [\d.]+ GiB \(\d+% used\)/);
      assert.match(tooltip, /Click to open the Registries view\./);
      await screenshot(page, 'status-bar-reachable');
      await page.mouse.move(640, 400);

      await registry.close();
      await runCommand(page, 'Anka Registry: Refresh');
      const down = await waitForStatusBarItem(
        page,
        (item) => item?.look === 'error',
        'the error look',
      );
      assert.equal(down.text, `${NAME} · unreachable`);
      assert.match(down.label, /unreachable\. .*refused/i);
      await page.mouse.move(640, 400);
      await screenshot(page, 'status-bar-down');

      registry = await startRegistry({ port });
      await runCommand(page, 'Anka Registry: Refresh');
      await waitForStatusBarItem(page, showsVersion(version), `${NAME} back with ${version}`);

      await clickStatusBarItem(page);
      const pane = registriesPane(viewContainer(page, 'ankaRegistry'));
      await pane.waitFor({ state: 'visible', timeout: 20_000 });
      assert.match(await sideBarTitle(page), /ANKA REGISTRY/i);
    });
  } finally {
    await registry.close();
  }
});

test('(b) the setting picks the registry; none configured hides the item', options, async () => {
  const registry = await startRegistry();
  const version = await registryVersion(registry);
  try {
    const settings = {
      ...registrySettings([
        { name: 'Down Registry', url: 'http://127.0.0.1:9' },
        { name: NAME, url: registry.url },
      ]),
      'ankaRegistry.defaultRegistry': NAME,
    };
    await withSession('status-bar-setting', { settings }, async ({ page }) => {
      await waitForStatusBarItem(page, showsVersion(version), `${NAME} (the setting's choice)`);
    });
    await withSession('status-bar-none', { settings: registrySettings([]) }, async ({ page }) => {
      // Once the log says the extension is active, the item must be absent.
      await openAnkaRegistryView(page);
      await runCommand(page, 'Anka Registry: Show Log');
      const activated = { hasText: 'activated with 0 registries' };
      const log = page.locator('.part.panel .view-lines', activated);
      await log.first().waitFor({ state: 'visible', timeout: 20_000 });
      assert.equal(await readStatusBarItem(page), null);
      await screenshot(page, 'status-bar-none');
    });
  } finally {
    await registry.close();
  }
});
