// In code-server: the time from a click on a 10,000-template registry to its first rows, and
// how many rows the (virtualised) tree renders. Needs the end-to-end tools and `npm run build`.
import { access } from 'node:fs/promises';
import path from 'node:path';
import { openAnkaRegistryView, waitForRows } from '../../test/e2e/harness/index.mjs';
import {
  generateFleet, renderedRowCount, timeClickToRows,
} from '../../test/e2e/support/big-registry-ui.mjs';
import { startRegistry } from '../../test/e2e/support/local-registry.mjs';
import { registrySettings, withSession } from '../../test/e2e/support/scenario.mjs';
import { REPO_ROOT } from '../support/paths.mjs';

const FLEET = 'Fleet';

/** `{ms, firstRows, rendered}`; throws when code-server or the bundle is missing. */
export async function measureClickToRows(templates) {
  await access(path.join(REPO_ROOT, 'dist', 'extension.js'));
  const registry = await startRegistry({ seed: generateFleet(templates) });
  const small = await startRegistry({ seed: 'sample' });
  try {
    // Two registries, so that neither opens by itself and the click does the expanding.
    const settings = registrySettings([
      { name: FLEET, url: registry.url },
      { name: 'Sample', url: small.url },
    ]);
    let result;
    await withSession('bench-click-to-rows', { settings }, async ({ page }) => {
      const container = await openAnkaRegistryView(page);
      await waitForRows(
        container,
        (rows) => rows.some((row) => row.label === FLEET && row.description.includes('v1.')),
        'the fleet registry with its version',
      );
      const timing = await timeClickToRows(page, container, FLEET);
      await page.waitForTimeout(500);
      result = { ...timing, rendered: await renderedRowCount(container) };
    });
    return result;
  } finally {
    await registry.close();
    await small.close();
  }
}
