// The Registries tree against a local registry: templates, tags, errors, adding a registry.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  answerInputBox,
  expandRow,
  openAnkaRegistryView,
  readNotifications,
  readRowTooltip,
  runCommand,
  screenshot,
  waitForRow,
  waitForRows,
} from './harness/index.mjs';
import { registryVersion, startRegistry } from './support/local-registry.mjs';
import { registrySettings, SCENARIO_TIMEOUT_MS, withSession } from './support/scenario.mjs';

const REGISTRY_NAME = 'Local Registry';
const ERROR_LABEL = /^Could not/;
const options = { timeout: SCENARIO_TIMEOUT_MS };

/** Shared by the scenarios that leave it running; (c) stops its own. */
let registry;

before(async () => {
  registry = await startRegistry();
});

after(async () => {
  await registry?.close();
});

function configuredFor(url) {
  return { settings: registrySettings([{ name: REGISTRY_NAME, url }]) };
}

/** Waits for the registry row `name` to show the registry's version, as in `v1.13.0`. */
async function waitForRegistryRow(container, name, version) {
  const rows = await waitForRows(
    container,
    (current) => current.some((r) => r.label === name && r.description.includes(version)),
    `the row ${name} with ${version}`,
  );
  return rows.find((r) => r.label === name);
}

/** Expands the registry row and waits until every template shows, with its details. */
async function showTemplates(container, templates) {
  await expandRow(container, REGISTRY_NAME);
  const expected = templates.map((t) => ({ name: t.name, description: templatePattern(t) }));
  const shows = (rows, { name, description }) =>
    rows.some((r) => r.label === name && description.test(r.description));
  return waitForRows(
    container,
    (rows) => expected.every((template) => shows(rows, template)),
    `the templates ${expected.map((t) => `${t.name} (${t.description})`).join(', ')}`,
  );
}

/** Like `arm64 · 26.3 GiB · 3 tags · 2 months ago`. */
function templatePattern(template) {
  const count = template.versions.length;
  const tags = `${count} ${count === 1 ? 'tag' : 'tags'}`;
  return new RegExp(`^${template.arch} · [0-9.]+ [KMGT]?i?B · ${tags}\\b`);
}

test('(a) the view shows the seeded registry and its templates', options, () =>
  withSession('tree-templates', configuredFor(registry.url), async ({ page }) => {
    const container = await openAnkaRegistryView(page);
    const templates = registry.templates();
    assert.ok(templates.length > 0, 'the local registry is seeded');

    await waitForRegistryRow(container, REGISTRY_NAME, await registryVersion(registry));
    const rows = await showTemplates(container, templates);

    assert.equal(rows.filter((r) => r.level === 2).length, templates.length);
  }),
);

test('(b) a template expands to its tags', options, () =>
  withSession('tree-tags', configuredFor(registry.url), async ({ page }) => {
    const container = await openAnkaRegistryView(page);
    const template = registry.templates().find((t) => t.versions.length >= 3);
    assert.ok(template, 'the seed has a template with three or more tags');
    await showTemplates(container, [template]);

    await expandRow(container, template.name);

    const tags = template.versions.map((v) => v.tag);
    const rows = await waitForRows(
      container,
      (current) => tags.every((tag) => current.some((r) => r.label === tag)),
      `the tags ${tags.join(', ')}`,
    );
    for (const version of template.versions) {
      const row = rows.find((r) => r.label === version.tag);
      assert.ok(row.description.startsWith(`#${version.number} ·`), row.description);
    }
  }),
);

const DOWN_TITLE = '(c) a registry that is down shows an error row, and recovers on refresh';

test(DOWN_TITLE, options, async () => {
  let down = await startRegistry();
  const { port, url } = down;
  await down.close();
  try {
    await withSession('tree-registry-down', configuredFor(url), async ({ page }) => {
      const container = await openAnkaRegistryView(page);

      const errorRow = await waitForRow(container, ERROR_LABEL);
      const tooltip = await readRowTooltip(page, container, errorRow.label);
      assert.ok(tooltip.length > errorRow.label.length, `the tooltip explains: "${tooltip}"`);
      await screenshot(page, 'tree-registry-down-error');

      down = await startRegistry({ port });
      await runCommand(page, 'Anka Registry: Refresh');

      await waitForRegistryRow(container, REGISTRY_NAME, await registryVersion(down));
      await showTemplates(container, down.templates());
      const rows = await waitForRows(
        container,
        (current) => !current.some((r) => ERROR_LABEL.test(r.label)),
        'the error row to go away',
      );
      assert.ok(rows.length > 1, 'templates show under the registry');
    });
  } finally {
    await down.close();
  }
});

test('(d) "Add Registry..." from the palette adds a registry', options, (t) =>
  withSession('tree-add-registry', { settings: registrySettings([]) }, async ({ page }) => {
    const container = await openAnkaRegistryView(page);
    const name = 'Added From Palette';

    await runCommand(page, 'Anka Registry: Add Registry...');
    await answerInputBox(page, registry.url, { matching: /url/i });
    await answerInputBox(page, name, { matching: /name/i });

    await waitForRegistryRow(container, name, await registryVersion(registry));
    t.diagnostic(`notifications: ${JSON.stringify(await readNotifications(page))}`);
  }),
);
