// One test session: code-server, Chromium and a page showing the workbench.
import { launchBrowser } from './browser.mjs';
import { startCodeServer } from './code-server.mjs';
import { forwardPageConsole } from './page-log.mjs';
import { outputName } from './paths.mjs';
import { openWorkbench } from './workbench.mjs';

/**
 * Starts code-server (see startCodeServer for `options`) and opens the workbench in Chromium.
 * `options.query` adds URL parameters (such as `payload`), `options.beforeOpen(page)` runs
 * before the page loads, `options.onConsoleLine(line)` sees the page's console.
 * Resolves with `{server, page, context, log, close}`; `close()` stops everything.
 */
export async function startSession(options = {}) {
  const label = outputName(options.label ?? 'session');
  const server = await startCodeServer({ ...options, label });
  let browser;
  let log;
  const close = async () => {
    await browser?.close();
    await log?.close();
    await server.stop();
  };
  try {
    browser = await launchBrowser({ deviceScaleFactor: options.deviceScaleFactor });
    const page = await browser.context.newPage();
    log = await forwardPageConsole(page, label, options.onConsoleLine);
    if (options.beforeOpen) await options.beforeOpen(page);
    await openWorkbench(page, server.workbenchUrl(options.query));
    return { server, page, context: browser.context, log, close };
  } catch (error) {
    await close();
    throw error;
  }
}
