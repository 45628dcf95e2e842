// The Getting Started walkthrough, followed as a new user would: from no registry at all,
// through its step buttons, to a tag pulled with the (stand-in) anka CLI. Every step shows its
// title and its picture, and ticks itself off when its command has run.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  answerInputBox,
  openViewContainer,
  pickQuickItem,
  screenshot,
  waitForNotification,
  waitForRow,
} from './harness/index.mjs';
import { ANKA_CONTAINER } from './harness/anka-view.mjs';
import { waitForPanelText } from './support/details-ui.mjs';
import { startRegistry } from './support/local-registry.mjs';
import { SCENARIO_TIMEOUT_MS, withSession } from './support/scenario.mjs';
import { FAKE_ANKA, fakeAnkaHome, pickLabel } from './support/transfer-ui.mjs';
import {
  clickStepButton,
  declaredWalkthrough,
  isStepDone,
  openWalkthrough,
  selectStep,
  stepButtons,
  stepImage,
  stepTitles,
  waitForStepDone,
  waitForSteps,
} from './support/walkthrough-ui.mjs';

const REGISTRY_NAME = 'Build Farm';
const SEQUOIA_ID = '2db3814c-2913-42b9-ae42-c33f1e6124d4';
const walkthrough = declaredWalkthrough();
const step = Object.fromEntries(walkthrough.steps.map((item) => [item.id, item]));

test('the walkthrough leads from no registry to a pulled tag', { timeout: SCENARIO_TIMEOUT_MS },
  async () => {
    const registry = await startRegistry();
    const fake = await fakeAnkaHome([], { FAKE_ANKA_STEP_MS: '50', FAKE_ANKA_STEPS: '10' });
    // In the workspace's settings: code-server stops applying a machine-overridable user setting
    // once the extension has written the user settings (Add Registry does).
    const workspaceFiles = {
      '.vscode/settings.json': JSON.stringify({ 'ankaRegistry.ankaPath': FAKE_ANKA }),
    };
    try {
      await withSession('walkthrough', { workspaceFiles }, async ({ page }) => {
        // The empty view links to the walkthrough.
        const view = await openViewContainer(page, ANKA_CONTAINER);
        await view.locator('.welcome-view-content a', { hasText: 'Open the walkthrough' }).click();
        await waitForSteps(page);
        // Without the side bar the editor is wide enough for the pictures beside the steps.
        await page.keyboard.press('Control+B');
        await page.locator('.part.sidebar').waitFor({ state: 'hidden' });
        assert.deepEqual(await stepTitles(page), walkthrough.steps.map((item) => item.title));
        for (const { id, altText } of walkthrough.steps) {
          await selectStep(page, id);
          const size = await stepImage(page, altText);
          assert.ok(size.width > 0 && size.height > 0, `the picture of ${id} loads`);
          assert.ok(size.width <= 801, `the picture of ${id} is ${size.width} pixels wide`);
          assert.equal(await isStepDone(page, id), false, `${id} starts undone`);
        }

        await selectStep(page, 'addRegistry');
        await stepImage(page, step.addRegistry.altText);
        await screenshot(page, 'walkthrough-start');
        assert.deepEqual(await stepButtons(page, 'addRegistry'),
          ['Add Registry', 'Import from Anka CLI']);
        await clickStepButton(page, 'addRegistry', 'Add Registry');
        await answerInputBox(page, registry.url, { matching: /URL/i });
        await answerInputBox(page, REGISTRY_NAME, { matching: /name/i });
        await waitForNotification(page, new RegExp(`Added registry "${REGISTRY_NAME}"`));
        await waitForStepDone(page, 'addRegistry');

        await selectStep(page, 'browse');
        await clickStepButton(page, 'browse', 'Open the Registries View');
        const container = await openViewContainer(page, ANKA_CONTAINER);
        await waitForRow(container, REGISTRY_NAME);
        await waitForStepDone(page, 'browse');

        await selectStep(page, 'details');
        await clickStepButton(page, 'details', 'Show Details');
        await pickQuickItem(page, /^sequoia$/);
        await pickQuickItem(page, /^java17$/);
        await waitForPanelText(page, '#config-summary', /RAM\s+12G/);
        await openWalkthrough(page, walkthrough.title);
        await waitForStepDone(page, 'details');

        await selectStep(page, 'pull');
        await clickStepButton(page, 'pull', 'Pull to This Mac');
        await pickQuickItem(page, /^sequoia$/);
        await pickLabel(page, 'java17');
        await pickLabel(page, 'Pull');
        const done = await waitForNotification(page, /^Pulled sequoia · java17 from /, 60_000);
        assert.equal(done.severity, 'info');
        const pulled = await fake.vms();
        assert.ok(pulled.some((vm) => vm.uuid === SEQUOIA_ID), 'the VM is on "this Mac"');
        await waitForStepDone(page, 'pull');
        for (const { id } of walkthrough.steps) {
          assert.equal(await isStepDone(page, id), true, `${id} is done`);
        }
      });
    } finally {
      await fake.restore();
      await registry.close();
    }
  });

test('every step completes on its own command or setting', () => {
  const events = Object.fromEntries(
    walkthrough.steps.map((item) => [item.id, item.completionEvents]),
  );
  assert.ok(events.addRegistry.includes('onCommand:ankaRegistry.addRegistry'));
  assert.ok(events.addRegistry.includes('onCommand:ankaRegistry.importFromAnkaCli'));
  assert.ok(events.addRegistry.includes('onSettingChanged:ankaRegistry.registries'));
  assert.deepEqual(events.browse, ['onView:ankaRegistry.registries']);
  assert.ok(events.details.includes('onCommand:ankaRegistry.showDetails'));
  assert.ok(events.pull.includes('onCommand:ankaRegistry.pull'));
  assert.equal(step.pull.title, 'Pull a tag to this Mac');
});
