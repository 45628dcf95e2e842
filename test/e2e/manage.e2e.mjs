// Managing templates in code-server: revert, set arch and delete from the tree and the palette.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  expandRow,
  openAnkaRegistryView,
  rowLocator,
  runCommand,
  screenshot,
  waitForNotification,
  waitForRow,
  waitForRows,
} from './harness/index.mjs';
import { startRegistry } from './support/local-registry.mjs';
import {
  answerDialog,
  chooseFromRowMenu,
  pickExactly,
  readDialog,
  readQuickPick,
  readRowMenu,
  waitForRowsGone,
} from './support/manage-ui.mjs';
import { registrySettings, SCENARIO_TIMEOUT_MS, withSession } from './support/scenario.mjs';

const REGISTRY_NAME = 'Local Registry';
const SEQUOIA = '2db3814c-2913-42b9-ae42-c33f1e6124d4';
const MONTEREY = 'c12ccfa5-8757-411e-9505-128190e9854e';
const APPIUM = '2fa0f10e-e91e-4665-8d42-00a39b9707de';
const options = { timeout: SCENARIO_TIMEOUT_MS };
/** The registry's own 30 s list cache: the tree must show the truth all the same. */
const LIST_CACHE = { listCacheTtlMs: 30_000 };

/** Runs `body` in a session against a fresh local registry, and stops the registry after. */
async function withRegistry(name, registryOptions, body) {
  const registry = await startRegistry(registryOptions);
  try {
    const settings = registrySettings([{ name: REGISTRY_NAME, url: registry.url }]);
    await withSession(name, { settings }, async (session) => {
      const container = await openAnkaRegistryView(session.page);
      await expandRow(container, REGISTRY_NAME);
      await waitForRow(container, 'sequoia');
      await body({ ...session, container, registry });
    });
  } finally {
    await registry.close();
  }
}

function tagsOf(registry, id) {
  return registry.template(id)?.versions.map((version) => version.tag);
}

test('(a) right-click a tag, Revert Tag, confirm: the tag and newer ones disappear', options, () =>
  withRegistry('manage-revert-tag', LIST_CACHE, async ({ page, container, registry }) => {
    await expandRow(container, 'sequoia');
    await waitForRow(container, 'ssh');

    const menu = await readRowMenu(page, container, 'ssh');
    const ours = menu.filter((item) => /^(Copy|Revert)/.test(item));
    assert.deepEqual(ours, ['Copy Tag Name', 'Copy Pull Command', 'Revert Tag...']);
    assert.equal(menu[menu.length - 1], 'Revert Tag...', 'the destructive action comes last');
    await chooseFromRowMenu(page, container, 'ssh', 'Revert Tag...');
    const dialog = await readDialog(page);
    await screenshot(page, 'manage-revert-tag-dialog');
    assert.equal(dialog.message, 'Revert 2 tags of template "sequoia"?');
    assert.match(dialog.detail, /• java17 \(version 2\)\s+• ssh \(version 1\)/);
    assert.match(dialog.detail, /keeps 1 tag: suspended \(version 0\)/);
    assert.ok(dialog.buttons.includes('Revert 2 Tags'), dialog.buttons.join(', '));

    await answerDialog(page, 'Revert 2 Tags');
    await waitForRowsGone(container, ['java17', 'ssh']);
    await waitForRows(
      container,
      (rows) => rows.some((row) => row.label === 'sequoia' && /· 1 tag ·/.test(row.description)),
      'sequoia with 1 tag',
    );
    await waitForRow(container, 'suspended');
    assert.deepEqual(tagsOf(registry, SEQUOIA), ['suspended']);
    await waitForNotification(page, /^Reverted 2 tags of "sequoia" on "Local Registry"/);
  }),
);

test('(b) Set Arch on a template shows the current arch and the row the new one', options, () =>
  withRegistry('manage-set-arch', {}, async ({ page, container, registry }) => {
    await waitForRows(
      container,
      (rows) => rows.some((row) => row.label === '12.4' && row.description.startsWith('amd64 ·')),
      '12.4 as amd64',
    );
    await chooseFromRowMenu(page, container, '12.4', 'Set Arch...');
    const items = await readQuickPick(page);
    assert.deepEqual(items.map((item) => [item.label, item.description]), [
      ['arm64', ''],
      ['amd64', 'current'],
    ]);
    await screenshot(page, 'manage-set-arch-pick');
    await pickExactly(page, 'arm64');

    await waitForRows(
      container,
      (rows) => rows.some((row) => row.label === '12.4' && row.description.startsWith('arm64 ·')),
      '12.4 as arm64',
    );
    assert.equal(registry.template(MONTEREY)?.arch, 'arm64');
  }),
);

test('(c) Delete Template removes the row although the registry list is cached', options, () =>
  withRegistry('manage-delete-template', LIST_CACHE, async ({ page, container, registry }) => {
    await waitForRow(container, 'appium-base');
    await chooseFromRowMenu(page, container, 'appium-base', 'Delete Template...');
    const dialog = await readDialog(page);
    await screenshot(page, 'manage-delete-template-dialog');
    assert.equal(dialog.message, 'Delete template "appium-base" from registry "Local Registry"?');
    assert.match(dialog.detail, /Registry: Local Registry \(http:\/\/127\.0\.0\.1:\d+\)/);
    const contents = 'Contents: 3 tags (suspended, appium_2.11+xcode-15.4, vanilla)';
    assert.ok(dialog.detail.includes(contents), dialog.detail);
    assert.match(dialog.detail, /[0-9.]+ GiB stored/);

    await answerDialog(page, 'Delete Template');
    await waitForRowsGone(container, ['appium-base']);
    assert.equal(registry.template(APPIUM), undefined);
    const listed = await (await fetch(`${registry.url}/registry/v2/vm`)).json();
    assert.ok(listed.body.some((item) => item.id === APPIUM), 'the cached list still names it');
    await waitForRow(container, 'sequoia');
  }),
);

test('(d) Revert Tag from the palette asks for the template and the tag', options, () =>
  withRegistry('manage-revert-palette', {}, async ({ page, container, registry }) => {
    await expandRow(container, '12.4');
    await waitForRow(container, 'vanilla+port-forward-22+brew-git');

    await runCommand(page, 'Anka Registry: Revert Tag...');
    await pickExactly(page, '12.4');
    const tags = await readQuickPick(page);
    assert.deepEqual(tags.map((tag) => tag.label), [
      'vanilla+port-forward-22+brew-git',
      'vanilla+port-forward-22',
      'vanilla',
    ]);
    await pickExactly(page, 'vanilla+port-forward-22');
    const dialog = await readDialog(page);
    assert.equal(dialog.message, 'Revert 2 tags of template "12.4"?');
    await answerDialog(page, 'Revert 2 Tags');

    const reverted = ['vanilla+port-forward-22', 'vanilla+port-forward-22+brew-git'];
    await waitForRowsGone(container, reverted);
    await waitForRow(container, 'vanilla');
    assert.deepEqual(tagsOf(registry, MONTEREY), ['vanilla']);
  }),
);

test('(e) cancelling the confirmation changes nothing on the registry', options, () =>
  withRegistry('manage-cancel', {}, async ({ page, container, registry }) => {
    const before = registry.templates();
    await expandRow(container, 'sequoia');
    await waitForRow(container, 'suspended');

    await chooseFromRowMenu(page, container, 'suspended', 'Revert Tag...');
    const dialog = await readDialog(page);
    assert.match(dialog.message, /^Revert every tag of template "sequoia"\? The template will be/);
    assert.ok(dialog.buttons.includes('Revert 3 Tags and Remove Template'));
    await answerDialog(page, 'Cancel');

    await chooseFromRowMenu(page, container, 'sequoia', 'Delete Template...');
    await readDialog(page);
    await page.keyboard.press('Escape');
    await page.locator('.monaco-dialog-box').waitFor({ state: 'hidden' });

    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(registry.templates(), before);
    assert.deepEqual(registry.requests.filter((request) => request.method !== 'GET'), []);
    await waitForRow(container, 'java17');
  }),
);

test('(f) with two templates selected, Delete Template lists exactly those two', options, () =>
  withRegistry('manage-multi-select', {}, async ({ page, container, registry }) => {
    const before = registry.templates();
    await waitForRow(container, 'appium-base');
    await rowLocator(container, '12.1.0').click();
    await rowLocator(container, 'appium-base').click({ modifiers: ['Control'] });

    await chooseFromRowMenu(page, container, 'appium-base', 'Delete Template...');
    const dialog = await readDialog(page);
    await screenshot(page, 'manage-multi-select-dialog');
    assert.equal(dialog.message, 'Delete 2 templates?');
    assert.match(dialog.detail, /Registry: Local Registry \(http:\/\/127\.0\.0\.1:\d+\)\n/);
    assert.match(dialog.detail, /• 12\.1\.0: 1 tag \(vanilla\+addons\), [0-9.]+ GiB stored\n/);
    assert.match(dialog.detail, /• appium-base: 3 tags/);
    assert.ok(dialog.buttons.includes('Delete 2 Templates'), dialog.buttons.join(', '));
    await answerDialog(page, 'Cancel');

    // A row outside the selection is acted on alone.
    await chooseFromRowMenu(page, container, 'sequoia', 'Delete Template...');
    const single = await readDialog(page);
    assert.equal(single.message, 'Delete template "sequoia" from registry "Local Registry"?');
    await answerDialog(page, 'Cancel');
    assert.deepEqual(registry.templates(), before);
  }),
);

test('(g) a 403 names the missing permission and hides revert and delete', options, () =>
  withRegistry('manage-forbidden', {}, async ({ page, container, registry }) => {
    registry.setFaults([{ method: 'DELETE', path: '/registry/*', kind: 'status', status: 403 }]);
    await chooseFromRowMenu(page, container, '12.1.0', 'Delete Template...');
    await readDialog(page);
    await answerDialog(page, 'Delete Template');

    const error = await waitForNotification(page, /was refused \(HTTP 403\)/);
    assert.equal(error.severity, 'error');
    assert.match(error.message, /lack the "delete_revert" permission/);
    assert.deepEqual(error.actions, ['Show Log']);
    await screenshot(page, 'manage-forbidden-error');

    const menu = await readRowMenu(page, container, 'sequoia');
    assert.ok(menu.includes('Set Arch...'), menu.join(', '));
    assert.ok(!menu.includes('Delete Template...') && !menu.includes('Revert Latest Tag...'));
    assert.ok(registry.template('0e1660cb-632f-4748-8a0d-ce82ae6bcd25'), 'nothing was deleted');
  }),
);
