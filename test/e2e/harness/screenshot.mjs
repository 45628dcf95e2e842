// Screenshots into test-output/e2e/<name>.png: the closest thing to a person's eyes.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { OUTPUT_DIR, outputName } from './paths.mjs';

/** Saves the page as `test-output/e2e/<name>.png` and returns the file path. */
export async function screenshot(page, name) {
  await mkdir(OUTPUT_DIR, { recursive: true });
  const file = path.join(OUTPUT_DIR, `${outputName(name)}.png`);
  await page.screenshot({ path: file });
  return file;
}
