// The packaged artifact: `npm run package` makes the .vsix, code-server installs it with
// --install-extension into a fresh extensions folder, and a smoke scenario runs on it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { lstat, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  expandRow,
  openAnkaRegistryView,
  REPO_ROOT,
  rowLocator,
  screenshot,
  waitForRow,
} from './harness/index.mjs';
import { forbiddenEntries, vsixEntries } from '../../scripts/lib/vsix-entries.mjs';
import { detailsFrame, waitForPanelText } from './support/details-ui.mjs';
import { registryVersion, startRegistry } from './support/local-registry.mjs';
import { registrySettings, SCENARIO_TIMEOUT_MS, withSession } from './support/scenario.mjs';
import { waitForStatusBarItem } from './support/status-bar-ui.mjs';

const REGISTRY_NAME = 'Local Registry';
const manifest = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;
const FOLDER = `${EXTENSION_ID}-${manifest.version}`.toLowerCase();

let registry;
let workDir;
let vsixPath;

before(async () => {
  registry = await startRegistry();
  await mkdir(path.join(REPO_ROOT, '.e2e-work'), { recursive: true });
  workDir = await mkdtemp(path.join(REPO_ROOT, '.e2e-work', 'package-'));
  vsixPath = path.join(workDir, `${manifest.name}-${manifest.version}.vsix`);
  await packageExtension(vsixPath);
});

after(async () => {
  await registry?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** `npm run package -- --out=FILE`, as a user runs it; its output goes to the test's log. */
function packageExtension(out) {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'package', '--', `--out=${out}`], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`npm run package failed (exit code ${code}):\n${output}`));
    });
  });
}

test('the .vsix holds the bundle, media and the texts, and nothing else', async (t) => {
  const names = (await vsixEntries(vsixPath)).map((entry) => entry.name);
  t.diagnostic(`files: ${names.join(', ')}`);
  for (const file of ['dist/extension.js', 'package.json', 'readme.md', 'changelog.md',
    'LICENSE.txt', 'media/panel.js', 'media/details.js', 'media/overview.js',
    'media/details.css', manifest.icon]) {
    assert.ok(names.includes(`extension/${file}`), `the package has ${file}`);
  }
  assert.deepEqual(forbiddenEntries(names.map((name) => ({ name }))), []);
  const allowed = [
    /^extension\.vsixmanifest$/, /^\[Content_Types\]\.xml$/,
    /^extension\/(dist\/extension\.js|readme\.md|changelog\.md|LICENSE\.txt)$/,
    /^extension\/package(\.nls(\.[\w-]+)?)?\.json$/,
    /^extension\/(media\/.+|l10n\/.+\.json)$/,
  ];
  const unexpected = names.filter((name) => !allowed.some((pattern) => pattern.test(name)));
  assert.deepEqual(unexpected, []);
});

const SMOKE = 'the installed package: the view, tags, the details panel and the status bar';

test(SMOKE, { timeout: SCENARIO_TIMEOUT_MS }, () =>
  withSession(
    'package-smoke',
    { vsixPath, settings: registrySettings([{ name: REGISTRY_NAME, url: registry.url }]) },
    async ({ page, server }) => {
      const installed = path.join(server.runDir, 'extensions', FOLDER);
      const info = await lstat(installed);
      assert.ok(info.isDirectory() && !info.isSymbolicLink(), `${installed} is a real folder`);
      const installedManifest = JSON.parse(await readFile(path.join(installed, 'package.json')));
      assert.equal(installedManifest.version, manifest.version);
      await lstat(path.join(installed, 'src')).then(
        () => assert.fail('the installed extension has no sources'),
        () => undefined,
      );

      const version = await registryVersion(registry);
      const item = await waitForStatusBarItem(
        page,
        (shown) => shown?.text.includes(version) === true,
        `${REGISTRY_NAME} with ${version}`,
      );
      assert.match(item.text, new RegExp(`^${REGISTRY_NAME} · ${version} · [\\d.]+ \\w+ free$`));

      const container = await openAnkaRegistryView(page);
      await expandRow(container, REGISTRY_NAME);
      await expandRow(container, 'sequoia');
      await waitForRow(container, 'ssh');
      await rowLocator(container, 'ssh').click();
      await waitForPanelText(page, '#config-summary', /RAM\s+\d+G/);

      const media = await detailsFrame(page).locator('link[rel="stylesheet"]').evaluate((link) => ({
        href: link.href,
        rules: link.sheet?.cssRules.length ?? 0,
      }));
      assert.ok(
        decodeURIComponent(media.href).includes(`/extensions/${FOLDER}/media/details.css`),
        `the stylesheet comes from the installed extension: ${media.href}`,
      );
      assert.ok(media.rules > 10, `the stylesheet loaded (${media.rules} rules)`);
      await page.mouse.move(1200, 780);
      await screenshot(page, 'package-smoke-details');
    },
  ),
);
