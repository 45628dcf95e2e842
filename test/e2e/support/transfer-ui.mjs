// The stand-in anka CLI for end-to-end runs, and the progress notifications of push and pull.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../harness/index.mjs';

export const FAKE_ANKA = path.join(REPO_ROOT, 'test', 'fake-anka', 'anka');
const TIMEOUT_MS = 20_000;

/**
 * A home for the stand-in with `vms`, and its modes in this process's environment, which
 * code-server and so the extension host and the CLI inherit. `restore()` undoes both.
 */
export async function fakeAnkaHome(vms, modes = {}) {
  const home = await mkdtemp(path.join(os.tmpdir(), 'e2e-anka-'));
  await writeFile(path.join(home, 'vms.json'), JSON.stringify(vms));
  const saved = { ...process.env };
  Object.assign(process.env, { FAKE_ANKA_HOME: home, ...modes });
  return {
    home,
    async vms() {
      return JSON.parse(await readFile(path.join(home, 'vms.json'), 'utf8'));
    },
    /** The transfers the stand-in noted: its pid and its helper child's. */
    async running() {
      const dir = path.join(home, 'running');
      const files = await readdir(dir).catch(() => []);
      const read = async (file) => JSON.parse(await readFile(path.join(dir, file), 'utf8'));
      return Promise.all(files.map(read));
    },
    async restore() {
      for (const name of Object.keys(process.env)) {
        if (name.startsWith('FAKE_ANKA_') && saved[name] === undefined) delete process.env[name];
      }
      await rm(home, { recursive: true, force: true });
    },
  };
}

/** The toast whose message matches `pattern`. */
export function toast(page, pattern) {
  return page.locator('.notifications-toasts .notification-toast').filter({
    has: page.locator('.notification-list-item-message', { hasText: pattern }),
  });
}

/**
 * Collects the messages of the toast matching `pattern` until `until` matches one of them, or
 * (`until` null) until the toast closes.
 */
export async function watchToast(page, pattern, until, timeoutMs = 60_000) {
  const seen = [];
  const deadline = Date.now() + timeoutMs;
  const item = toast(page, pattern).locator('.notification-list-item-message');
  while (Date.now() < deadline) {
    const text = (await item.first().textContent({ timeout: 500 }).catch(() => null))?.trim();
    if (text && seen[seen.length - 1] !== text) seen.push(text);
    if (text && until?.test(text)) return seen;
    if (!text && until === null && seen.length > 0) return seen;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const what = until ? `No message matching ${until}` : 'No end';
  throw new Error(`${what} in the toast ${pattern}; seen: ${seen.join(' | ')}`);
}

/** Clicks the button `name` of the toast matching `pattern`. */
export async function clickToastButton(page, pattern, name) {
  const button = toast(page, pattern).getByRole('button', { name }).first();
  await button.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await button.click();
}

/** The percentages in progress messages like "downloading · 45% (1.2 GiB of 3 GiB)", in order. */
export function percentages(messages) {
  return messages
    .map((message) => /· (\d+)%(?: \([^)]*\))?$/.exec(message)?.[1])
    .filter((value) => value !== undefined)
    .map(Number);
}

/** True while the process exists and is not a zombie. */
export async function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
  return state !== 'Z' && state !== 'X';
}

/**
 * Types `label` into the open quick pick and chooses the item labelled `label`; labels that
 * start with an icon are matched on their text.
 */
export async function pickLabel(page, label) {
  const widget = page.locator('.quick-input-widget');
  await widget.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await widget.locator('.quick-input-box input').fill(label);
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const name = page.locator('.label-name', { hasText: new RegExp(`^\\s*${escaped}\\s*$`) });
  const item = widget.locator('.quick-input-list .monaco-list-row').filter({ has: name }).first();
  await item.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await item.click();
}
