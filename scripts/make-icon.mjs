#!/usr/bin/env node
// Draws the marketplace icon, media/icon.png (128x128), from the view's glyph
// media/anka-registry.svg: the glyph in white on a rounded tile. Chromium renders it, through
// the playwright-core of test/e2e (`node scripts/ensure-e2e-deps.mjs` installs it).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GLYPH = path.join(REPO_ROOT, 'media', 'anka-registry.svg');
const OUTPUT = path.join(REPO_ROOT, 'media', 'icon.png');
const SIZE = 128;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const require = createRequire(path.join(REPO_ROOT, 'test', 'e2e', 'package.json'));
const { chromium } = require('playwright-core');

const glyph = (await readFile(GLYPH, 'utf8'))
  .replace(/currentColor/g, '#ffffff')
  .replace('width="24" height="24"', 'width="84" height="84"');

const page = `<!doctype html>
<html><body style="margin:0;background:transparent">
<div style="width:${SIZE}px;height:${SIZE}px;border-radius:24px;display:flex;
  align-items:center;justify-content:center;
  background:linear-gradient(145deg,#2f6fd6 0%,#1b3f8f 100%)">${glyph}</div>
</body></html>`;

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND'],
});
try {
  const tab = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
  await tab.setContent(page);
  await tab.screenshot({ path: OUTPUT, omitBackground: true });
  console.log(`Wrote ${path.relative(REPO_ROOT, OUTPUT)} (${SIZE}x${SIZE})`);
} finally {
  await browser.close();
}
