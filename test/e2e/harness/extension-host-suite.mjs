// Runs a test suite inside the extension host of code-server, through the `payload` URL.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { launchBrowser } from './browser.mjs';
import { startCodeServer } from './code-server.mjs';
import { forwardPageConsole } from './page-log.mjs';
import { REPO_ROOT } from './paths.mjs';
import { parseSuiteResult } from './suite-result.mjs';
import { openWorkbench } from './workbench.mjs';

const DEFAULT_TIMEOUT_MS = 10 * 60_000;

/**
 * @typedef {object} SuiteRun
 * @property {boolean} ok true when the suite exited 0 and reported no failure
 * @property {number | null} exitCode what `codeAutomationExit` received; null on time-out
 * @property {number | null} passed from the suite's `EXTENSION-HOST-RESULT` line
 * @property {number | null} failed the same; null when the suite printed no such line
 * @property {string} browserLog file with the page's console, the extension host's included
 * @property {string} serverLog file with code-server's output
 */

/**
 * Opens a window whose extension host loads `extensionPath` for development and runs the
 * module `suitePath` (its `run()`), then closes everything. Resolves with a SuiteRun.
 */
export async function runExtensionHostSuite(options = {}) {
  const extensionPath = options.extensionPath ?? REPO_ROOT;
  const suitePath = options.suitePath ?? path.join(extensionPath, 'out/test/suite/index.js');
  const label = options.label ?? 'extension-host-suite';
  const server = await startCodeServer({ label, settings: options.settings, noExtension: true });
  const browser = await launchBrowser().catch(async (error) => {
    await server.stop();
    throw error;
  });
  const page = await browser.context.newPage();
  const exit = waitForAutomationExit(page, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const log = await forwardPageConsole(page, label, options.onConsoleLine);

  try {
    await exit.exposed;
    const query = { payload: payload(server, extensionPath, suitePath) };
    await openWorkbench(page, server.workbenchUrl(query));
    const exitCode = await exit.code;
    await log.flush();
    // console.* reaches only the page; process.stdout also reaches code-server's log.
    const counts = parseSuiteResult(log.lines) ?? (await parseServerLog(server.logFile));
    const ok = exitCode === 0 && (counts?.failed ?? 0) === 0;
    return {
      ok,
      exitCode,
      passed: counts?.passed ?? null,
      failed: counts?.failed ?? null,
      browserLog: log.file,
      serverLog: server.logFile,
    };
  } finally {
    await browser.close();
    await log.close();
    await server.stop();
  }
}

async function parseServerLog(logFile) {
  const text = await readFile(logFile, 'utf8').catch(() => '');
  return parseSuiteResult(text.split('\n'));
}

/** The URL-encoded development and tests paths, as vscode-remote URIs of this server. */
function payload(server, extensionPath, suitePath) {
  const remote = (file) => `vscode-remote://127.0.0.1:${server.port}${file}`;
  return JSON.stringify([
    ['extensionDevelopmentPath', remote(extensionPath)],
    ['extensionTestsPath', remote(suitePath)],
  ]);
}

// The workbench calls window.codeAutomationExit(code) when the suite's run() settles.
function waitForAutomationExit(page, timeoutMs) {
  let resolveCode;
  const code = new Promise((resolve) => {
    resolveCode = resolve;
  });
  const timer = setTimeout(() => resolveCode(null), timeoutMs);
  const exposed = page.exposeFunction('codeAutomationExit', (exitCode) => {
    clearTimeout(timer);
    resolveCode(Number(exitCode));
  });
  return { exposed, code };
}
