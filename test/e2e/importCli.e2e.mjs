// Import Registries from Anka CLI, in code-server with the stand-in anka CLI: both list shapes,
// registries configured already, a CLI that prints garbage, one with no registries, none at all.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  openAnkaRegistryView,
  runCommand,
  screenshot,
  waitForNotification,
  waitForRows,
} from './harness/index.mjs';
import { registryVersion, startRegistry } from './support/local-registry.mjs';
import { registrySettings, SCENARIO_TIMEOUT_MS, withSession } from './support/scenario.mjs';
import { readStatusBarItem, waitForStatusBarItem } from './support/status-bar-ui.mjs';
import { FAKE_ANKA, fakeAnkaHome } from './support/transfer-ui.mjs';

const COMMAND = 'Anka Registry: Import Registries from Anka CLI...';
const options = { timeout: SCENARIO_TIMEOUT_MS };

let ci;
let lab;

before(async () => {
  ci = await startRegistry();
  lab = await startRegistry();
});

after(async () => {
  await ci?.close();
  await lab?.close();
});

/** The CLI's own configuration: `ci` (its default) and `lab`. */
function cliRegistries() {
  return { default: 'ci', registries: { ci: ci.url, lab: lab.url } };
}

/**
 * A session whose anka CLI is the stand-in (or `ankaPath`) with `cli` registries (none: no
 * file) and `modes`.
 */
async function withCliSession(name, { configured = [], cli, modes = {}, ankaPath }, body) {
  const fake = await fakeAnkaHome([], modes);
  try {
    if (cli) await writeFile(path.join(fake.home, 'registries.json'), JSON.stringify(cli));
    const settings = {
      ...registrySettings(configured),
      'ankaRegistry.ankaPath': ankaPath ?? FAKE_ANKA,
    };
    await withSession(name, { settings }, (session) => body({ ...session, fake }));
  } finally {
    await fake.restore();
  }
}

/** The rows of the open quick pick: label, description, detail, checked; separators too. */
async function readQuickPick(page) {
  const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  await rows.first().waitFor({ state: 'visible', timeout: 20_000 });
  return rows.evaluateAll((elements) => elements.map((row) => {
    const text = (selector) => row.querySelector(selector)?.textContent?.trim() ?? '';
    const box = row.querySelector('input[type="checkbox"], .monaco-checkbox');
    const checked = box instanceof HTMLInputElement
      ? box.checked
      : box?.classList.contains('checked') ?? row.getAttribute('aria-checked') === 'true';
    return {
      label: text('.label-name'),
      description: text('.label-description'),
      detail: text('.quick-input-list-label-meta .monaco-icon-label, .quick-input-list-detail'),
      separator: text('.quick-input-list-separator'),
      checked,
    };
  }));
}

async function storedRegistries(server) {
  const file = path.join(server.userDataDir, 'User', 'settings.json');
  return JSON.parse(await readFile(file, 'utf8'))['ankaRegistry.registries'];
}

test('(a) from the welcome view: both new registries, picked, are added', options, () =>
  withCliSession('import-cli', { cli: cliRegistries() }, async ({ page, server }) => {
    const container = await openAnkaRegistryView(page);
    const link = container.locator('a', { hasText: 'Import from Anka CLI' });
    await link.waitFor({ state: 'visible', timeout: 20_000 });
    assert.equal(await readStatusBarItem(page), null, 'no registry: no status bar item');
    await screenshot(page, 'import-cli-welcome');
    await link.click();

    const rows = await readQuickPick(page);
    const shown = rows.map(({ label, description, checked }) => [label, description, checked]);
    assert.deepEqual(shown, [['ci', ci.url, true], ['lab', lab.url, true]]);
    assert.match(rows[0].detail, /default registry/);
    await screenshot(page, 'import-cli-pick');
    await page.keyboard.press('Enter');

    const done = await waitForNotification(page, /^Added 2 registries from the anka CLI/);
    assert.equal(done.message, 'Added 2 registries from the anka CLI: "ci", "lab".');
    const version = await registryVersion(ci);
    await waitForRows(
      container,
      (current) => ['ci', 'lab'].every((name) =>
        current.some((row) => row.label === name && row.description.includes(version))),
      'both imported registries with their version',
    );
    await waitForStatusBarItem(page, (item) => item?.text.startsWith(`ci · ${version}`), 'ci');
    assert.deepEqual(await storedRegistries(server), [
      { name: 'ci', url: ci.url },
      { name: 'lab', url: lab.url },
    ]);
  }),
);

test('(b) an older CLI (list-repos): a registry configured already is shown, not added', options,
  () => withCliSession(
    'import-cli-legacy',
    {
      cli: cliRegistries(),
      configured: [{ name: 'Build', url: ci.url }],
      modes: { FAKE_ANKA_REGISTRY_LIST: 'legacy' },
    },
    async ({ page, server }) => {
      await openAnkaRegistryView(page);
      await runCommand(page, COMMAND);
      const rows = await readQuickPick(page);
      assert.deepEqual(rows[0] && [rows[0].label, rows[0].checked], ['lab', true]);
      const configured = rows.find((row) => row.description === ci.url);
      assert.ok(configured, `the configured one is listed: ${JSON.stringify(rows)}`);
      assert.match(configured.label, /ci$/);
      assert.match(configured.detail, /Configured here as "Build"/);
      assert.ok(rows.some((row) => /Already configured/.test(row.separator)), 'a separator');
      await screenshot(page, 'import-cli-legacy-pick');
      await page.keyboard.press('Enter');

      await waitForNotification(page, /^Added the registry "lab" from the anka CLI\.$/);
      assert.deepEqual(await storedRegistries(server), [
        { name: 'Build', url: ci.url },
        { name: 'lab', url: lab.url },
      ]);
    },
  ),
);

test('(c) a CLI that prints garbage: a clear error with Show Log, nothing added', options, () =>
  withCliSession(
    'import-cli-garbage',
    { cli: cliRegistries(), modes: { FAKE_ANKA_FAIL: 'garbage' } },
    async ({ page, server }) => {
      await openAnkaRegistryView(page);
      await runCommand(page, COMMAND);
      const error = await waitForNotification(page, /registries configured for the anka CLI/);
      assert.equal(error.severity, 'error');
      assert.match(error.message, /printed no JSON result/);
      assert.deepEqual(error.actions, ['Show Log']);
      await screenshot(page, 'import-cli-garbage');
      assert.deepEqual(await storedRegistries(server), []);
    },
  ),
);

test('(d) a CLI without registries says so, and offers Add Registry', options, () =>
  withCliSession('import-cli-empty', {}, async ({ page }) => {
    await openAnkaRegistryView(page);
    await runCommand(page, COMMAND);
    const empty = await waitForNotification(page, /has no registries configured/);
    assert.equal(empty.severity, 'info');
    assert.deepEqual(empty.actions, ['Add Registry...']);
    await screenshot(page, 'import-cli-empty');
  }),
);

test('(e) without the CLI, the plain message that pull gives', options, () =>
  withCliSession('import-cli-missing', { ankaPath: '/no/anka/here' }, async ({ page }) => {
    await openAnkaRegistryView(page);
    await runCommand(page, COMMAND);
    const missing = await waitForNotification(page, /^Importing registries needs the Anka CLI/);
    assert.equal(missing.severity, 'warning');
    assert.match(missing.message, /ankaPath points to \/no\/anka\/here/);
    assert.deepEqual(missing.actions, ['Open Settings']);
    await screenshot(page, 'import-cli-missing');
  }),
);
