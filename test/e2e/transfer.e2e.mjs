// Push and pull through the (stand-in) anka CLI in code-server: progress, cancel, the pushed tag
// in the tree, and the message for a machine without the CLI.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  answerInputBox,
  expandRow,
  openAnkaRegistryView,
  readNotifications,
  runCommand,
  screenshot,
  waitForNotification,
  waitForRow,
  waitForRows,
} from './harness/index.mjs';
import { startRegistry } from './support/local-registry.mjs';
import { chooseFromRowMenu } from './support/manage-ui.mjs';
import { registrySettings, SCENARIO_TIMEOUT_MS, withSession } from './support/scenario.mjs';
import {
  clickToastButton, FAKE_ANKA, fakeAnkaHome, isAlive, percentages, pickLabel, watchToast,
} from './support/transfer-ui.mjs';

const REGISTRY_NAME = 'Local Registry';
const SEQUOIA = '2db3814c-2913-42b9-ae42-c33f1e6124d4';
const SONOMA = 'd0ed6f76-28c7-48c8-9d4c-57c8d000cd67';
const PULL = 'Pull to This Mac...';
const options = { timeout: SCENARIO_TIMEOUT_MS };
const RUNNER = {
  uuid: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
  name: 'ci-runner',
  status: 'stopped',
  tags: [],
  sizeBytes: 2 * 1024 ** 3,
  creationDate: '2026-12-03T10:00:00Z',
};

/** A session against a fresh registry and the stand-in CLI in `modes`; `cli: false` has none. */
async function withTransferSession(name, { modes = {}, cli = true }, body) {
  const registry = await startRegistry({ controlRoutes: true });
  const fake = await fakeAnkaHome([RUNNER], modes);
  try {
    const settings = {
      ...registrySettings([{ name: REGISTRY_NAME, url: registry.url }]),
      ...(cli ? { 'ankaRegistry.ankaPath': FAKE_ANKA } : {}),
    };
    await withSession(name, { settings }, async (session) => {
      const container = await openAnkaRegistryView(session.page);
      await expandRow(container, REGISTRY_NAME);
      await waitForRow(container, 'sequoia');
      await body({ ...session, container, registry, fake });
    });
  } finally {
    await fake.restore();
    await registry.close();
  }
}

test('(a) pull a tag from its row and watch the notification finish', options, () =>
  withTransferSession(
    'transfer-pull',
    { modes: { FAKE_ANKA_STEP_MS: '250', FAKE_ANKA_STEPS: '16' } },
    async ({ page, container, fake }) => {
      await expandRow(container, 'sequoia');
      await waitForRow(container, 'ssh');
      await chooseFromRowMenu(page, container, 'ssh', PULL);
      await pickLabel(page, 'Pull');

      const title = /^Pulling sequoia · ssh from Local Registry/;
      const middle = /downloading · [56]\d% \([\d.]+ GiB of 25\.1 GiB\)$/;
      const halfway = await watchToast(page, title, middle);
      await screenshot(page, 'transfer-pull-progress');
      const seen = [...halfway, ...(await watchToast(page, title, null))];
      const numbers = percentages(seen);
      assert.ok(numbers.length >= 3, `several steps shown: ${seen.join(' | ')}`);
      assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b), 'never backwards');

      const finished = /^Pulled sequoia · ssh from Local Registry to this Mac\.$/;
      const done = await waitForNotification(page, finished, 20_000);
      assert.equal(done.severity, 'info');
      const pulled = (await fake.vms()).find((vm) => vm.uuid === SEQUOIA);
      assert.deepEqual(pulled?.tags, ['ssh']);
    },
  ),
);

test('(b) cancel a slow pull from the palette: the CLI and its child are gone', options, () =>
  withTransferSession(
    'transfer-cancel',
    { modes: { FAKE_ANKA_STEP_MS: '500', FAKE_ANKA_STEPS: '200', FAKE_ANKA_CHILD: '1' } },
    async ({ page, fake }) => {
      await runCommand(page, `Anka Registry: ${PULL}`);
      await pickLabel(page, 'sequoia');
      await pickLabel(page, 'java17');
      await pickLabel(page, 'Pull');

      const title = /^Pulling sequoia · java17 from Local Registry/;
      await watchToast(page, title, /downloading · \d+%/);
      const [running] = await fake.running();
      assert.ok(running?.pid && running.childPid, JSON.stringify(running));
      assert.ok(await isAlive(running.pid));

      const started = Date.now();
      await clickToastButton(page, title, 'Cancel');
      const gone = /^Pull of sequoia · java17 cancelled/;
      const cancelled = await waitForNotification(page, gone, 10_000);
      const elapsed = Date.now() - started;
      await screenshot(page, 'transfer-cancel-done');
      assert.match(cancelled.message, /; the anka CLI has stopped\.$/);
      assert.ok(elapsed < 4000, `the cancel took ${elapsed} ms`);
      assert.equal(await isAlive(running.pid), false, 'the anka process is gone');
      assert.equal(await isAlive(running.childPid), false, 'its child process is gone');
      const vm = (await fake.vms()).find((item) => item.uuid === SEQUOIA);
      assert.equal(vm, undefined, 'nothing was pulled');
    },
  ),
);

test('(c) push a local VM as a new tag from the palette and see it in the tree', options, () =>
  withTransferSession(
    'transfer-push',
    { modes: { FAKE_ANKA_STEP_MS: '150', FAKE_ANKA_STEPS: '12' } },
    async ({ page, container, registry }) => {
      await expandRow(container, 'sonoma-xcode-15.4');
      await waitForRow(container, 'xcode-15.4+fastlane_2.225');

      await runCommand(page, 'Anka Registry: Push VM...');
      await pickLabel(page, 'ci-runner');
      await pickLabel(page, 'Next tag of sonoma-xcode-15.4');
      await answerInputBox(page, 'ci-runner_2026.12.04', { matching: /tag/i });
      await answerInputBox(page, 'Built by the end-to-end test', { matching: /description/i });

      const title = /^Pushing ci-runner as sonoma-xcode-15\.4 · ci-runner_2026\.12\.04/;
      const seen = await watchToast(page, title, /uploading · (4\d|5\d|6\d)%/);
      await screenshot(page, 'transfer-push-progress');
      assert.ok(percentages(seen).length >= 1, seen.join(' | '));
      const pushed = /^Pushed sonoma-xcode-15\.4 · ci-runner_2026\.12\.04 to Local Registry/;
      await waitForNotification(page, pushed, 20_000);

      await waitForRow(container, 'ci-runner_2026.12.04');
      await waitForRows(
        container,
        (rows) =>
          rows.some((r) => r.label === 'sonoma-xcode-15.4' && / · 5 tags · /.test(r.description)),
        'sonoma-xcode-15.4 with 5 tags',
      );
      await screenshot(page, 'transfer-push-tree');
      const tags = registry.template(SONOMA).versions.map((version) => version.tag);
      assert.equal(tags[tags.length - 1], 'ci-runner_2026.12.04');
    },
  ),
);

test('(d) without the anka CLI, pull says so and offers Copy Pull Command', options, () =>
  withTransferSession('transfer-missing-cli', { cli: false }, async ({ page, container }) => {
    await expandRow(container, 'sequoia');
    await waitForRow(container, 'ssh');
    await chooseFromRowMenu(page, container, 'ssh', PULL);

    const warning = await waitForNotification(page, /needs the Anka CLI/);
    await screenshot(page, 'transfer-missing-cli-warning');
    assert.equal(warning.severity, 'warning');
    assert.match(warning.message, /not installed on this machine \(Linux\)/);
    assert.match(warning.message, /Mac with Anka installed, also through Remote-SSH/);
    assert.deepEqual(warning.actions, ['Copy Pull Command', 'Open Settings']);

    await clickToastButton(page, /needs the Anka CLI/, 'Copy Pull Command');
    const copied = await waitForNotification(page, /pull command/i);
    assert.match(copied.message, /anka registry -r http:\/\/127\.0\.0\.1:\d+ pull -t ssh sequoia/);
    const all = await readNotifications(page);
    assert.ok(!all.some((n) => /Pulling/.test(n.message)), 'nothing was pulled');
  }),
);
