// VS Code in the pseudo locale (qps-ploc) with a copy of the extension that carries pseudo
// translations, made on the fly from l10n/bundle.l10n.json and package.nls.json.
//
// code-server only switches the display language when a language pack for it is installed: the
// server reads `locale` from User/argv.json and then needs `languagepacks.json` in the user data
// folder to name a core translation file. An empty one is enough: VS Code's own texts fall back
// to English, and extensions load their `*.qps-ploc.json` files.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  REPO_ROOT,
  launchBrowser,
  openWorkbench,
  screenshot,
  startCodeServer,
} from '../harness/index.mjs';
import { forwardPageConsole } from '../harness/page-log.mjs';

export const PSEUDO_LOCALE = 'qps-ploc';
const WORK_ROOT = path.join(REPO_ROOT, '.e2e-work');
const L10N_DEV = path.join(REPO_ROOT, 'node_modules', '@vscode', 'l10n-dev', 'dist', 'cli.js');
const run = promisify(execFile);

/** What the extension folder needs at run time; sources and tests stay out. */
const EXTENSION_PARTS = ['package.json', 'package.nls.json', 'dist', 'media', 'l10n', 'LICENSE'];

/**
 * Copies the extension into a fresh folder and adds `l10n/bundle.l10n.qps-ploc.json` and
 * `package.nls.qps-ploc.json`. Resolves with the folder, both pseudo tables and `remove()`.
 */
export async function pseudoExtension() {
  await mkdir(WORK_ROOT, { recursive: true });
  const dir = await mkdtemp(path.join(WORK_ROOT, 'pseudo-extension-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    for (const part of EXTENSION_PARTS) {
      await cp(path.join(REPO_ROOT, part), path.join(dir, part), { recursive: true });
    }
    const l10nDir = path.join(dir, 'l10n');
    await generatePseudo(l10nDir, path.join(l10nDir, 'bundle.l10n.json'));
    await generatePseudo(dir, path.join(dir, 'package.nls.json'));
    const bundle = await readJson(path.join(l10nDir, `bundle.l10n.${PSEUDO_LOCALE}.json`));
    const nls = await readJson(path.join(dir, `package.nls.${PSEUDO_LOCALE}.json`));
    return { dir, bundle, nls, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

async function generatePseudo(outDir, file) {
  const args = [L10N_DEV, 'generate-pseudo', '--language', PSEUDO_LOCALE, '-o', outDir, file];
  await run(process.execPath, args, { cwd: REPO_ROOT, timeout: 60_000 });
}

async function readJson(file) {
  return JSON.parse(await readFile(file, 'utf8'));
}

/**
 * code-server with `extensionPath` in the pseudo locale, and Chromium on its workbench.
 * Resolves with `{server, page, log, close}`.
 */
export async function startPseudoSession({ label, extensionPath, settings }) {
  const server = await startCodeServer({ label, extensionPath, settings });
  let browser;
  let log;
  const close = async () => {
    await browser?.close();
    await log?.close();
    await server.stop();
  };
  try {
    await installPseudoLanguage(server.userDataDir);
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    log = await forwardPageConsole(page, label);
    await openWorkbench(page, server.workbenchUrl());
    return { server, page, log, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The display language setting, and a core "language pack" without translations. */
async function installPseudoLanguage(userDataDir) {
  const userDir = path.join(userDataDir, 'User');
  await mkdir(userDir, { recursive: true });
  await writeFile(path.join(userDir, 'argv.json'), JSON.stringify({ locale: PSEUDO_LOCALE }));
  const core = path.join(userDataDir, `core.${PSEUDO_LOCALE}.i18n.json`);
  await writeFile(core, JSON.stringify({ version: '1.0.0', contents: {} }));
  const packs = {
    [PSEUDO_LOCALE]: {
      hash: 'anka-e2e',
      label: 'Pseudo',
      extensions: [{ extensionIdentifier: { id: 'anka-e2e.pseudo-language' }, version: '1.0.0' }],
      translations: { vscode: core },
    },
  };
  await writeFile(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(packs));
}

/** Runs `body(session)` in a pseudo-locale session; screenshots `<label>.png`, closes. */
export async function withPseudoSession(options, body) {
  const session = await startPseudoSession(options);
  try {
    await body(session);
    await screenshot(session.page, options.label);
  } catch (error) {
    const file = await screenshot(session.page, `${options.label}-failed`).catch(() => null);
    if (file) error.message += `\n(screenshot: ${file}; logs: ${session.log.file})`;
    throw error;
  } finally {
    await session.close();
  }
}

/** The pseudo text of a bundle message (with its comment, if it has one) and its arguments. */
export function pseudo(table, key, ...args) {
  const entry = table[key];
  if (entry === undefined) throw new Error(`No pseudo translation for ${JSON.stringify(key)}`);
  const text = typeof entry === 'string' ? entry : entry.message;
  return text.replace(/\{(\d+)\}/g, (match, index) => String(args[Number(index)] ?? match));
}
