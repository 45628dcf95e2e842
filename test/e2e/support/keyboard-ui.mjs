// The workbench, the tree and the webview panels driven with the keyboard alone.
import { detailsFrame } from './details-ui.mjs';

const TIMEOUT_MS = 20_000;

/** Runs a command as a keyboard user does: F1, its title, Enter on the highlighted entry. */
export async function pressCommand(page, title) {
  const widget = page.locator('.quick-input-widget');
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await widget.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await page.keyboard.type(title);
  const first = widget.locator('.quick-input-list .monaco-list-row.focused .label-name').first();
  await waitUntil(async () => (await first.innerText()).trim() === title, `"${title}" on top`);
  await page.keyboard.press('Enter');
  await widget.waitFor({ state: 'hidden', timeout: TIMEOUT_MS }).catch(() => undefined);
}

/** Moves the keyboard focus into the tree of `container` with the view's Focus command. */
export async function focusTree(page, container, command) {
  const inTree = () => container.evaluate((element) => element.contains(document.activeElement));
  for (let attempt = 1; attempt <= 3; attempt++) {
    await pressCommand(page, command);
    try {
      await waitUntil(inTree, 'the focus in the tree', 3000);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** The label and aria-label of the tree row that has the keyboard focus. */
export async function focusedRow(container) {
  const row = container.locator('.monaco-list-row.focused').first();
  await row.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  return {
    label: (await row.locator('.label-name').innerText()).trim(),
    ariaLabel: (await row.getAttribute('aria-label')) ?? '',
    expanded: await row.getAttribute('aria-expanded'),
  };
}

/** Presses `key` in the tree until the focused row is labelled `label`; returns that row. */
export async function arrowToRow(page, container, label, key = 'ArrowDown', limit = 40) {
  // A tree that has just taken the focus has no focused row until a key moves it, and a key
  // pressed before its rows arrive moves nothing.
  await waitUntil(async () => {
    if ((await container.locator('.monaco-list-row.focused').count()) > 0) return true;
    await page.keyboard.press(key);
    return false;
  }, 'a focused row').catch(async (error) => {
    const active = await page.evaluate(() => {
      const element = document.activeElement;
      if (!element) return 'none';
      return `${element.tagName}.${element.className} ${element.getAttribute('aria-label') ?? ''}`;
    });
    error.message += `; the focus is on ${active}`;
    throw error;
  });
  for (let step = 0; step <= limit; step++) {
    const row = await focusedRow(container);
    if (row.label === label) return row;
    await page.keyboard.press(key);
    await page.waitForTimeout(80);
  }
  throw new Error(`No row "${label}" within ${limit} presses of ${key}`);
}

/** Expands the focused row with ArrowRight (unless open) and waits until it shows open. */
export async function expandFocusedRow(page, container) {
  if ((await focusedRow(container)).expanded === 'true') return;
  await page.keyboard.press('ArrowRight');
  await waitUntil(async () => (await focusedRow(container)).expanded === 'true', 'the row to open');
}

/**
 * What has the focus inside a panel (`frame`, the details panel's by default): its id, action,
 * text, accessible label and outline, with the theme's focus colour to compare the outline with.
 */
export async function panelFocus(page, frame = detailsFrame(page)) {
  return frame.locator('body').evaluate(() => {
    const element = document.activeElement;
    const probe = document.createElement('span');
    probe.style.color = 'var(--vscode-focusBorder)';
    document.body.append(probe);
    const focusColor = getComputedStyle(probe).color;
    probe.remove();
    if (!(element instanceof HTMLElement) || element === document.body) {
      return { id: '', action: '', role: '', text: '', label: '', outline: 'none', focusColor };
    }
    const style = getComputedStyle(element);
    const labelledBy = element.getAttribute('aria-labelledby');
    const named = labelledBy ? document.getElementById(labelledBy)?.textContent ?? '' : '';
    return {
      id: element.id,
      action: element.dataset.action ?? '',
      role: element.getAttribute('role') ?? element.tagName.toLowerCase(),
      text: element.innerText.trim().slice(0, 80),
      label: element.getAttribute('aria-label') ?? named.trim(),
      outline: `${style.outlineStyle} ${style.outlineColor}`,
      focusColor,
    };
  });
}

/** Presses Tab (Shift+Tab with `back`) until `matches(focus)`; returns the focus and the path. */
export async function tabTo(page, matches, { back = false, limit = 30, frame } = {}) {
  const seen = [];
  for (let step = 0; step < limit; step++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const focus = await panelFocus(page, frame);
    seen.push(focus.id || focus.action || `${focus.role} ${focus.label}`.trim());
    if (matches(focus)) return { focus, seen };
  }
  throw new Error(`Tab never reached the control; focus went through: ${seen.join(' → ')}`);
}

/** The text the panel's live region last announced. */
export function announced(page, frame = detailsFrame(page)) {
  return frame.locator('#announcer').innerText().then((text) => text.trim());
}

export async function waitUntil(condition, what, timeoutMs = TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`Timed out waiting for ${what}`);
}
