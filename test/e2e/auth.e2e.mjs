// Signing in: adding a registry that wants a root token, and a 401 row with "Sign In Again".
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  answerInputBox,
  expandRow,
  openAnkaRegistryView,
  pickQuickItem,
  readNotifications,
  readRowTooltip,
  rowLocator,
  runCommand,
  screenshot,
  waitForRow,
  waitForRows,
} from './harness/index.mjs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { REPO_ROOT } from './harness/index.mjs';
import { startRegistry } from './support/local-registry.mjs';
import { answerDialog, readDialog } from './support/manage-ui.mjs';
import { registrySettings, SCENARIO_TIMEOUT_MS, withSession } from './support/scenario.mjs';

const TOKEN = 'e2e-root-token-4d2c91';
const ERROR_LABEL = /^Could not load templates/;
const options = { timeout: SCENARIO_TIMEOUT_MS };
/** Signing in, saving the settings and loading every template's details, on a busy machine. */
const LOAD_TIMEOUT_MS = 45_000;

let registry;
let pki;
let mtls;

before(async () => {
  registry = await startRegistry({ rootToken: TOKEN });
  const { createTestPki } = createRequire(import.meta.url)(
    path.join(REPO_ROOT, 'out', 'test', 'registry', 'pki.js'),
  );
  pki = await createTestPki();
  mtls = await startRegistry({
    tls: {
      cert: pki.server.cert,
      key: pki.server.key,
      clientCa: pki.ca.cert,
      clientCertificates: 'optional',
    },
  });
});

after(async () => {
  await registry?.close();
  await mtls?.close();
  await pki?.dispose();
});

/** Waits until the registry row `name` shows every template of the local registry, in full. */
async function waitForTemplates(container, name, from = registry) {
  await expandRow(container, name);
  const templates = from.templates();
  const shown = (rows, template) =>
    rows.some((row) => row.label === template.name && row.description.startsWith(template.arch));
  return waitForRows(
    container,
    (rows) => templates.every((template) => shown(rows, template)),
    `the templates ${templates.map((t) => t.name).join(', ')} with their arch under ${name}`,
    LOAD_TIMEOUT_MS,
  );
}

/**
 * Chooses `file` in code-server's own open dialog (a quick input listing a folder). The dialog
 * writes its start folder into the box after it opens and completes what is typed, so the path
 * is typed again whenever the box shows something else, until the dialog takes it.
 */
async function answerFileDialog(page, file) {
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('.quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  const title = await widget.locator('.quick-input-title').innerText();
  for (let attempt = 0; attempt < 20; attempt++) {
    if ((await input.inputValue()) !== file) {
      await input.fill(file);
      await page.waitForTimeout(300);
      continue;
    }
    await input.press('Enter');
    await page.waitForTimeout(400);
    const open = await widget.isVisible();
    if (!open || (await widget.locator('.quick-input-title').innerText()) !== title) return;
  }
  throw new Error(`The file dialog "${title}" did not take ${file}`);
}

/** No progress notification may stay behind once the work is done. */
async function waitForNoProgress(page) {
  const progress = page.locator('.notification-toast', { hasText: /^Checking / });
  await progress.first().waitFor({ state: 'detached', timeout: LOAD_TIMEOUT_MS });
}

const ADD_TITLE = '(a) "Add Registry..." signs in to a 401 registry with a root token';

test(ADD_TITLE, options, () =>
  withSession('auth-add-root-token', { settings: registrySettings([]) }, async ({ page }) => {
    const container = await openAnkaRegistryView(page);

    await runCommand(page, 'Anka Registry: Add Registry...');
    await answerInputBox(page, registry.url, { matching: /url/i });
    const dialog = await readDialog(page);
    await screenshot(page, 'auth-add-401-dialog');
    assert.equal(dialog.message, `${registry.url} needs you to sign in.`);
    assert.match(dialog.detail, /HTTP 401 Unauthorized: Authentication Required/);
    for (const button of ['Root Token...', 'API Key...', 'Add Anyway']) {
      assert.ok(dialog.buttons.includes(button), `${button} in ${dialog.buttons.join(', ')}`);
    }
    await answerDialog(page, 'Root Token...');
    const asked = await answerInputBox(page, TOKEN, { matching: /root token/i });
    assert.match(asked.prompt, /secret storage, never in settings/);
    await answerInputBox(page, 'Protected', { matching: /name/i });

    await waitForTemplates(container, 'Protected');
    await waitForNoProgress(page);
    const added = (await readNotifications(page)).find((n) => /Added registry/.test(n.message));
    assert.match(added?.message ?? '', /Added registry "Protected": Anka Registry .*, \d+ templ/);
    assert.ok(!JSON.stringify(await readNotifications(page)).includes(TOKEN));
  }),
);

test('(b) a 401 row offers "Sign In Again", which signs in', options, () =>
  withSession(
    'auth-sign-in-again',
    { settings: registrySettings([{ name: 'Needs Sign-In', url: registry.url }]) },
    async ({ page }) => {
      const container = await openAnkaRegistryView(page);
      const errorRow = await waitForRow(container, ERROR_LABEL, LOAD_TIMEOUT_MS);
      assert.match(errorRow.description, /HTTP 401 Unauthorized: Authentication Required/);

      const row = rowLocator(container, ERROR_LABEL);
      await row.hover();
      const action = row.locator('.action-label[aria-label="Sign In Again"]');
      await action.waitFor({ state: 'visible', timeout: 15_000 });
      const tooltip = await readRowTooltip(page, container, ERROR_LABEL);
      assert.match(tooltip, /Sign In Again/);
      await row.hover();
      await screenshot(page, 'auth-401-row');

      await action.click();
      await pickQuickItem(page, 'Root token');
      await answerInputBox(page, TOKEN, { matching: /root token/i });
      await waitForTemplates(container, 'Needs Sign-In');
      await waitForNoProgress(page);
      const rows = await waitForRows(
        container,
        (current) => !current.some((r) => ERROR_LABEL.test(r.label)),
        'the error row to go away',
      );
      assert.ok(rows.length > 1);
    },
  ),
);

const TLS_TITLE = '(c) "Add Registry..." trusts a private CA and signs in with a certificate';

test(TLS_TITLE, options, () =>
  withSession('auth-add-certificate', { settings: registrySettings([]) }, async ({ page }) => {
    const container = await openAnkaRegistryView(page);

    await runCommand(page, 'Anka Registry: Add Registry...');
    await answerInputBox(page, mtls.url, { matching: /url/i });
    const untrusted = await readDialog(page);
    assert.equal(untrusted.message, `Could not connect securely to ${mtls.url}.`);
    assert.match(untrusted.detail, /TLS check failed for 127\.0\.0\.1:\d+: .*set "caFile"/);
    assert.ok(untrusted.buttons.includes('Choose CA File...'), untrusted.buttons.join(', '));
    assert.ok(untrusted.buttons.includes('Skip Verification'), untrusted.buttons.join(', '));
    await screenshot(page, 'auth-add-untrusted-ca-dialog');
    await answerDialog(page, 'Choose CA File...');
    await answerFileDialog(page, pki.ca.certFile);

    const signIn = await readDialog(page);
    assert.equal(signIn.message, `${mtls.url} needs you to sign in.`);
    assert.ok(signIn.buttons.includes('Client Certificate...'), signIn.buttons.join(', '));
    await screenshot(page, 'auth-add-certificate-dialog');
    await answerDialog(page, 'Client Certificate...');
    await answerFileDialog(page, pki.client.certFile);
    await answerFileDialog(page, pki.client.keyFile);
    await answerInputBox(page, 'Private CA', { matching: /name/i });

    await waitForTemplates(container, 'Private CA', mtls);
    await waitForNoProgress(page);
  }),
);

test('(d) "Add Registry..." signs in with a pasted API key', options, () =>
  withSession('auth-add-api-key', { settings: registrySettings([]) }, async ({ page }) => {
    const container = await openAnkaRegistryView(page);
    const privateKey = await createApiKey('e2e-runner');

    await runCommand(page, 'Anka Registry: Add Registry...');
    await answerInputBox(page, registry.url, { matching: /url/i });
    await readDialog(page);
    await answerDialog(page, 'API Key...');
    await answerInputBox(page, 'e2e-runner', { matching: /API key id/i });
    await pickQuickItem(page, 'Paste the private key');
    await answerInputBox(page, privateKey, { matching: /private key/i });
    await answerInputBox(page, 'With API Key', { matching: /name/i });

    await waitForTemplates(container, 'With API Key');
    const shakes = registry.requests.filter((request) => request.path === '/tap/v1/shake');
    assert.ok(shakes.length > 0, 'the handshake ran');
  }),
);

async function createApiKey(id) {
  const response = await fetch(`${registry.url}/v1/apikey`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`root:${TOKEN}`).toString('base64')}` },
    body: JSON.stringify({ id, ttl: 3600, groups: ['ci'] }),
  });
  return (await response.json()).body;
}
