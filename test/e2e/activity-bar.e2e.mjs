// The extension's activity-bar entry and its view, as contributed by package.json.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  activityBarTab,
  openAnkaRegistryView,
  registriesPane,
  screenshot,
  sideBarTitle,
} from './harness/index.mjs';
import { SCENARIO_TIMEOUT_MS, withSession } from './support/scenario.mjs';

test('the Anka Registry tab opens the Registries view', { timeout: SCENARIO_TIMEOUT_MS }, () =>
  withSession('activity-bar', {}, async ({ page }) => {
    await activityBarTab(page, 'Anka Registry').waitFor({ state: 'visible' });
    await screenshot(page, 'activity-bar-workbench');

    const container = await openAnkaRegistryView(page);

    assert.ok(await registriesPane(container).isVisible(), 'the Registries pane is visible');
    assert.match(await sideBarTitle(page), /anka registry.*registries/i);
  }),
);
