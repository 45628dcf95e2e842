// Launches Debian's Chromium through Playwright, headless and unable to resolve other hosts.
import { access, mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_BIN, WORK_ROOT } from './paths.mjs';

export const VIEWPORT = { width: 1280, height: 800 };

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // A guard: every host name but 127.0.0.1 fails to resolve.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

/**
 * Starts Chromium with a fresh profile; `close()` ends it and removes the profile.
 * `deviceScaleFactor` 1.5 gives pictures as sharp as VS Code's walkthrough expects.
 */
export async function launchBrowser({ deviceScaleFactor = 1 } = {}) {
  await assertChromium();
  await mkdir(WORK_ROOT, { recursive: true });
  const profileDir = await mkdtemp(path.join(WORK_ROOT, 'chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_BIN,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: VIEWPORT,
    deviceScaleFactor,
  });
  const close = async () => {
    await context.close().catch(() => {});
    await rm(profileDir, { recursive: true, force: true });
  };
  return { context, close };
}

async function assertChromium() {
  try {
    await access(CHROMIUM_BIN);
  } catch {
    throw new Error(
      `Chromium is missing at ${CHROMIUM_BIN}. Install Debian's package: ` +
        'apt-get install -y chromium (or set CHROMIUM_PATH).',
    );
  }
}
