// The extension's own view: the "Anka Registry" activity-bar entry and its "Registries" tree.
import { openViewContainer, UI_TIMEOUT_MS } from './tree-view.mjs';

export const ANKA_CONTAINER = { title: 'Anka Registry', containerId: 'ankaRegistry' };
export const REGISTRIES_VIEW_TITLE = 'Registries';

/** Opens the Anka Registry container and returns it once the Registries view shows. */
export async function openAnkaRegistryView(page) {
  const container = await openViewContainer(page, ANKA_CONTAINER);
  await registriesPane(container).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  return container;
}

/**
 * The Registries view's pane. Alone in its container, its own header is hidden and the side
 * bar's title reads "ANKA REGISTRY: REGISTRIES" instead (see sideBarTitle).
 */
export function registriesPane(container) {
  const title = container.page().locator('.pane-header h3.title', {
    hasText: new RegExp(`^${REGISTRIES_VIEW_TITLE}$`),
  });
  return container.locator('.pane').filter({ has: title }).first();
}

/** The side bar's title text, as shown above the open view container. */
export async function sideBarTitle(page) {
  return (await page.locator('.part.sidebar .composite.title').innerText()).trim();
}
