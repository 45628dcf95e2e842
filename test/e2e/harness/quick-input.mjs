// The command palette, input boxes and quick picks: the workbench's one quick-input widget.
export const QUICK_INPUT_TIMEOUT_MS = 15_000;

const WIDGET = '.quick-input-widget';

/** Opens the palette with F1, types `title` and runs the command whose label is `title`. */
export async function runCommand(page, title) {
  const widget = page.locator(WIDGET);
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await widget.waitFor({ state: 'visible', timeout: QUICK_INPUT_TIMEOUT_MS });
  await page.keyboard.type(title);
  const item = listItem(page, title);
  await item.waitFor({ state: 'visible', timeout: QUICK_INPUT_TIMEOUT_MS });
  await item.click();
}

/**
 * Waits for an input box (one whose title, prompt or placeholder matches `matching`, when
 * given), types `text` and presses Enter. Returns what the box showed.
 */
export async function answerInputBox(page, text, { matching } = {}) {
  const input = page.locator(`${WIDGET} .quick-input-box input`);
  await input.waitFor({ state: 'visible', timeout: QUICK_INPUT_TIMEOUT_MS });
  const shown = matching ? await waitForQuestion(page, matching) : await describeQuickInput(page);
  await input.fill(text);
  await input.press('Enter');
  await assertAccepted(page, shown);
  return shown;
}

/** Waits for a quick pick item `label` and selects it. */
export async function pickQuickItem(page, label) {
  const item = listItem(page, label);
  await item.waitFor({ state: 'visible', timeout: QUICK_INPUT_TIMEOUT_MS });
  await item.click();
}

/** The visible quick input's title, prompt (or validation message) and placeholder. */
export async function describeQuickInput(page) {
  const widget = page.locator(WIDGET);
  const text = async (selector) => {
    const element = widget.locator(selector).first();
    return (await element.isVisible()) ? (await element.innerText()).trim() : '';
  };
  return {
    title: await text('.quick-input-title'),
    prompt: await text('.quick-input-message'),
    placeholder: (await widget.locator('.quick-input-box input').getAttribute('placeholder')) ?? '',
  };
}

async function waitForQuestion(page, pattern) {
  const deadline = Date.now() + QUICK_INPUT_TIMEOUT_MS;
  let shown;
  while (Date.now() < deadline) {
    shown = await describeQuickInput(page);
    if (pattern.test(`${shown.title}\n${shown.prompt}\n${shown.placeholder}`)) return shown;
    await page.waitForTimeout(100);
  }
  throw new Error(`No input box matching ${pattern}; showing ${JSON.stringify(shown)}`);
}

function listItem(page, label) {
  const rows = page.locator(`${WIDGET} .quick-input-list .monaco-list-row`);
  return rows.filter({ has: page.locator('.label-name', { hasText: label }) }).first();
}

// After Enter the box closes or asks the next question; the same box with an error means
// the extension rejected the answer, which the test should hear about.
async function assertAccepted(page, before) {
  await page.waitForTimeout(300);
  const widget = page.locator(WIDGET);
  if (!(await widget.isVisible())) return;
  const severity = widget.locator('.quick-input-message .codicon-error, .inputValidationError');
  const now = await describeQuickInput(page);
  const sameQuestion = now.title === before.title && now.placeholder === before.placeholder;
  if (sameQuestion && (await severity.count()) > 0) {
    throw new Error(`The input box rejected the answer: ${now.prompt}`);
  }
}
