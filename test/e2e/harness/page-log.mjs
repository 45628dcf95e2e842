// Copies a page's console and errors into a log file, and keeps the lines for the caller.
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { format } from 'node:util';
import { LOG_DIR } from './paths.mjs';

/**
 * Starts logging `page` into `<label>.browser.log`; `lines` grows as messages arrive.
 * `flush()` waits for messages still being formatted; `close()` also ends the file.
 */
export async function forwardPageConsole(page, label, onLine = () => {}) {
  await mkdir(LOG_DIR, { recursive: true });
  const file = path.join(LOG_DIR, `${label}.browser.log`);
  const stream = createWriteStream(file);
  const lines = [];
  const write = (line) => {
    lines.push(line);
    stream.write(`${line}\n`);
    onLine(line);
  };
  // Formatting needs a round trip to the page per message; a queue keeps the order.
  let queue = Promise.resolve();
  const enqueue = (produce) => {
    queue = queue.then(produce).then(write, () => {});
  };
  page.on('console', (message) => enqueue(() => formatConsoleMessage(message)));
  page.on('pageerror', (error) => enqueue(() => `[pageerror] ${error.stack ?? error.message}`));
  page.on('requestfailed', (request) => {
    enqueue(() => `[requestfailed] ${request.url()} ${request.failure()?.errorText ?? ''}`);
  });
  const flush = () => queue;
  const close = async () => {
    await queue;
    await new Promise((resolve) => stream.end(resolve));
  };
  return { file, lines, flush, close };
}

/**
 * The message as Node's console would print it. The extension host's console calls reach the
 * page as `console.log('%c INFO', 'color: ...', ...originalArguments)`; mocha's reporter
 * passes format strings (`'✔ %s (%dms)'`), so the arguments are formatted here.
 */
async function formatConsoleMessage(message) {
  const type = `[${message.type()}]`;
  const values = await argumentValues(message);
  // Errors and other objects do not survive as JSON; the page's own text keeps them.
  const lossy = !values?.length || values.some((value) => isEmptyObject(value));
  const text = lossy ? plainText(message.text()) : format(...withoutStyles(values));
  return `${type} ${text.trimEnd()}`.trimEnd();
}

async function argumentValues(message) {
  try {
    const timeout = new Promise((resolve) => setTimeout(resolve, 2000, null));
    const values = Promise.all(message.args().map((arg) => arg.jsonValue()));
    return await Promise.race([values, timeout]);
  } catch {
    return null; // The page navigated or closed; its text is all there is.
  }
}

function isEmptyObject(value) {
  return value === undefined || (typeof value === 'object' && value !== null
    && Object.keys(value).length === 0);
}

function plainText(text) {
  return text.replace(/%c/g, '').replace(/\s*color: #[0-9a-f]{3,6}\s*/gi, ' ').trim();
}

// Drops each %c and the CSS argument that goes with it, and the level badge (`INFO`).
function withoutStyles(values) {
  const [first, ...rest] = values;
  if (typeof first !== 'string' || !first.includes('%c')) return values;
  const styles = first.split('%c').length - 1;
  const head = first.replace(/%c/g, '').trim();
  const args = rest.slice(styles);
  return /^(INFO|ERR|WARN|TRACE|DEBUG)$/.test(head) ? args : [head, ...args];
}

// What the workbench itself logs on every start; anything else came from the extension host
// or is worth a look.
const WORKBENCH_NOISE = [
  /Ignoring fetching additional builtin extensions/,
  /Updating additional builtin extensions cache/,
  /Failed to load resource: the server responded with a status of 404/,
  /web worker extension host is started in a same-origin iframe/,
  /allow-scripts and allow-same-origin/,
  /\/vsda\//,
  /\[Service Worker\]/,
  /Resolv(ing|ed) connection token/,
  /Creating a socket \(renderer-/,
  /ChatSessionStore: Migrating/,
  /Overwriting extension <</,
];

/** True for start-up messages of the workbench that say nothing about the tests. */
export function isWorkbenchNoise(line) {
  return WORKBENCH_NOISE.some((pattern) => pattern.test(line));
}
