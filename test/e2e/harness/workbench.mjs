// Opens the VS Code workbench in a page and waits until a person could use it.
export const WORKBENCH_TIMEOUT_MS = 60_000;

/** Navigates to `url` and waits for the workbench with its activity bar. */
export async function openWorkbench(page, url) {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: WORKBENCH_TIMEOUT_MS });
  await waitForWorkbench(page);
}

/** Waits for the workbench shell, its activity bar and the end of start-up progress. */
export async function waitForWorkbench(page) {
  const options = { state: 'visible', timeout: WORKBENCH_TIMEOUT_MS };
  await page.locator('.monaco-workbench').waitFor(options);
  await page.locator('.part.activitybar').waitFor(options);
  await page.locator('.part.statusbar').waitFor(options);
}

/** The activity-bar tab of a view container, by its title. */
export function activityBarTab(page, title) {
  return page.locator('.part.activitybar').getByRole('tab', { name: title });
}
