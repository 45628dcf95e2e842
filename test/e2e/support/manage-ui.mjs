// Context menus, modal dialogs and exact quick picks, for the template-management scenarios.
import { rowLocator, waitForRows, waitForTreeQuiet } from '../harness/index.mjs';

const TIMEOUT_MS = 15_000;

function exactly(text) {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/** Right-clicks the row `label` and chooses the context-menu entry `item`. */
export async function chooseFromRowMenu(page, container, label, item) {
  // A menu opened on a row that VS Code is redrawing runs its command without the row.
  await waitForTreeQuiet(container);
  const row = rowLocator(container, label);
  await row.click({ button: 'right' });
  const menu = page.locator('.monaco-menu').first();
  const entry = menu.locator('.action-label', { hasText: exactly(item) }).first();
  await entry.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  // A menu ignores clicks right after it opens (the right button's release lands there).
  await page.waitForTimeout(300);
  await entry.hover();
  await entry.click();
  try {
    await menu.waitFor({ state: 'hidden', timeout: 2000 });
  } catch {
    // The click came too early after all; the hovered entry has the focus.
    await page.keyboard.press('Enter');
    await menu.waitFor({ state: 'hidden', timeout: TIMEOUT_MS });
  }
}

/** The entries of the row's context menu, then closes it. */
export async function readRowMenu(page, container, label) {
  await rowLocator(container, label).click({ button: 'right' });
  const menu = page.locator('.monaco-menu').first();
  await menu.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  const items = await menu.locator('.action-label').allInnerTexts();
  await page.keyboard.press('Escape');
  return items.map((text) => text.trim()).filter(Boolean);
}

/** Waits for the modal dialog and returns its texts and buttons. */
export async function readDialog(page) {
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  const text = async (selector) => (await dialog.locator(selector).innerText()).trim();
  const buttons = await dialog.getByRole('button').allInnerTexts();
  if (await page.locator('.quick-input-widget').isVisible()) {
    throw new Error('a quick pick is still open behind the dialog: the command ran twice?');
  }
  return {
    message: await text('.dialog-message-text'),
    detail: await text('.dialog-message-detail'),
    buttons: buttons.map((button) => button.trim()).filter(Boolean),
  };
}

/** Clicks the dialog's button `name` and waits for the dialog to close. */
export async function answerDialog(page, name) {
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.getByRole('button', { name: exactly(name) }).click();
  await dialog.waitFor({ state: 'hidden', timeout: TIMEOUT_MS });
}

/** Types `label` into the open quick pick and chooses the item labelled exactly `label`. */
export async function pickExactly(page, label) {
  const widget = page.locator('.quick-input-widget');
  await widget.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await widget.locator('.quick-input-box input').fill(label);
  const name = page.locator('.label-name', { hasText: exactly(label) });
  const item = widget.locator('.quick-input-list .monaco-list-row').filter({ has: name }).first();
  await item.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await item.click();
}

/** The visible quick pick's items: label and description. */
export async function readQuickPick(page) {
  const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  await rows.first().waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  return rows.evaluateAll((elements) =>
    elements.map((row) => ({
      label: row.querySelector('.label-name')?.textContent?.trim() ?? '',
      description: row.querySelector('.label-description')?.textContent?.trim() ?? '',
    })),
  );
}

/** Waits until no row is labelled with any of `labels`. */
export function waitForRowsGone(container, labels) {
  return waitForRows(
    container,
    (rows) => !rows.some((row) => labels.includes(row.label)),
    `the rows ${labels.join(', ')} to go away`,
  );
}
