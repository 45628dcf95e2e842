// Localisation in the real VS Code: the pseudo locale (qps-ploc) shows the view, the commands
// and the tree rows in pseudo text, including the errors the client and the tree model write.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  activityBarTab,
  describeQuickInput,
  expandRow,
  openViewContainer,
  readRowTooltip,
  runCommand,
  screenshot,
  waitForRow,
  waitForRows,
} from './harness/index.mjs';
import { startRegistry } from './support/local-registry.mjs';
import { pseudo, pseudoExtension, withPseudoSession } from './support/pseudo-locale.mjs';
import { registrySettings, SCENARIO_TIMEOUT_MS } from './support/scenario.mjs';

const LIVE = 'Local Registry';
const DOWN = 'Down Registry';
const options = { timeout: SCENARIO_TIMEOUT_MS };

let registry;
let extension;
let downUrl;

before(async () => {
  registry = await startRegistry();
  const down = await startRegistry();
  downUrl = down.url;
  await down.close();
  extension = await pseudoExtension();
});

after(async () => {
  await registry?.close();
  await extension?.remove();
});

/** Text as compared: the hover may use other spaces (no-break ones) than the message. */
function plain(text) {
  return text.replace(/\s+/g, ' ').normalize('NFC');
}

/** Letters the pseudo locale puts in place of English vowels. */
const PSEUDO_LETTERS = /[ȧḗīǿŭ]/;

/**
 * Waits for a quick input (title, prompt or placeholder) in pseudo text: the palette's own
 * placeholder, in English, shows until the command's question replaces it.
 */
async function waitForPseudoQuestion(page) {
  const deadline = Date.now() + 20_000;
  let shown = '';
  while (Date.now() < deadline) {
    const { title, prompt, placeholder } = await describeQuickInput(page);
    shown = [title, prompt, placeholder].filter(Boolean).join(' | ');
    if (PSEUDO_LETTERS.test(shown)) return shown;
    await page.waitForTimeout(200);
  }
  throw new Error(`The command asked nothing in pseudo text; the quick input shows "${shown}"`);
}

/** `{0} tags` or `1 tag`, in pseudo text. */
function pseudoTags(count) {
  const { bundle } = extension;
  return count === 1 ? pseudo(bundle, '1 tag') : pseudo(bundle, '{0} tags', count);
}

const TITLE = 'the pseudo locale reaches the view, the commands and the rows of every layer';

test(TITLE, options, () =>
  withPseudoSession({
    label: 'l10n-pseudo',
    extensionPath: extension.dir,
    settings: registrySettings([{ name: LIVE, url: registry.url }, { name: DOWN, url: downUrl }]),
  }, async ({ page }) => {
    const { bundle, nls } = extension;
    const containerTitle = nls['viewsContainer.ankaRegistry.title'];
    assert.notEqual(containerTitle, 'Anka Registry', 'the pseudo table translates the title');

    // package.nls.qps-ploc.json: the activity bar entry and the view's name.
    await activityBarTab(page, containerTitle).waitFor({ state: 'visible', timeout: 30_000 });
    const view = { title: containerTitle, containerId: 'ankaRegistry' };
    const container = await openViewContainer(page, view);
    const heading = await page.locator('.part.sidebar .composite.title').textContent();
    assert.ok(heading.includes(nls['view.registries.name']), `the side bar says "${heading}"`);

    // The views layer (vscode.l10n): a template row's tags and push date.
    await expandRow(container, LIVE);
    const template = registry.templates().find((candidate) => candidate.versions.length > 1);
    const tags = pseudoTags(template.versions.length);
    const withTags = (current) =>
      current.some((r) => r.label === template.name && r.description.includes(tags));
    const what = `${template.name} with "${tags}"`;
    // The rows get their tag counts from a background read of every template's details; on a
    // loaded machine that update has been seen to go missing once: Refresh reads them again.
    let rows = await waitForRows(container, withTags, what, 10_000).catch(() => null);
    if (!rows) {
      console.log('l10n: template rows without details after 10 s; running Refresh');
      await runCommand(page, `${nls['command.category']}: ${nls['command.refresh.title']}`);
      await expandRow(container, LIVE);
      rows = await waitForRows(container, withTags, what);
    }
    const pushed = pseudo(bundle, 'pushed {0}/{0} is a relative time such as "3 days ago"', '');
    const row = rows.find((candidate) => candidate.label === template.name);
    assert.ok(row.description.includes(pushed.trim()), `"${row.description}" says "${pushed}"`);

    // The tree model and the REST client (@vscode/l10n): the error row of a registry that is down.
    await expandRow(container, DOWN);
    const host = new URL(downUrl).host;
    const label = pseudo(bundle, 'Could not load templates');
    const reason = pseudo(bundle, 'connection refused by {0}; is the registry running?', host);
    const errorRow = await waitForRow(container, label);
    assert.equal(errorRow.description, reason);

    const tooltip = await readRowTooltip(page, container, label);
    const operation = pseudo(bundle, 'list templates/Completes "Could not …"');
    const frame = 'Could not {0} on registry "{1}" ({2}): {3}/{0} is what failed, such as "list '
      + 'templates"; {1} is the registry name, {2} its URL and {3} the reason';
    const message = pseudo(bundle, frame, operation, DOWN, downUrl, reason);
    assert.ok(
      plain(tooltip).includes(plain(message)),
      `the tooltip is the client's error in pseudo text:\n  "${tooltip}"\nnot\n  "${message}"`,
    );
    await screenshot(page, 'l10n-pseudo-tree');

    // Command titles and their category from package.nls.qps-ploc.json, run from the palette.
    await page.keyboard.press('F1');
    await page.keyboard.type(nls['command.category']);
    const palette = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    await palette.first().waitFor({ state: 'visible' });
    await screenshot(page, 'l10n-pseudo-palette');
    await page.keyboard.press('Escape');
    const filter = `${nls['command.category']}: ${nls['command.filterTemplates.title']}`;
    await runCommand(page, filter);
    // Its question (which registry) comes from the commands layer, also in pseudo text.
    await waitForPseudoQuestion(page);
    await screenshot(page, 'l10n-pseudo-command');
    await page.keyboard.press('Escape');
  }),
);
