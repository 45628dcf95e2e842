// The Getting Started walkthrough in the workbench: its steps, their pictures and buttons.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pickQuickItem, REPO_ROOT, runCommand } from '../harness/index.mjs';

const TIMEOUT_MS = 20_000;
const MANIFEST = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const NLS = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.nls.json'), 'utf8'));

/** `%key%` as package.nls.json says it. */
function localized(text) {
  const key = /^%(.+)%$/.exec(text)?.[1];
  return key === undefined ? text : NLS[key];
}

/** The walkthrough as the manifest declares it, with the English texts of its steps. */
export function declaredWalkthrough() {
  const [walkthrough] = MANIFEST.contributes.walkthroughs;
  return {
    id: walkthrough.id,
    title: localized(walkthrough.title),
    steps: walkthrough.steps.map((step) => ({
      id: step.id,
      title: localized(step.title),
      altText: localized(step.media.altText),
      completionEvents: step.completionEvents,
    })),
  };
}

/** Opens the walkthrough as a user does: Welcome: Open Walkthrough..., then its title. */
export async function openWalkthrough(page, title) {
  await runCommand(page, 'Welcome: Open Walkthrough...');
  await pickQuickItem(page, title);
  await waitForSteps(page);
}

/** Waits for a walkthrough's steps to show. */
export async function waitForSteps(page) {
  await page.locator('.gettingStartedSlideDetails .getting-started-step').first()
    .waitFor({ state: 'visible', timeout: TIMEOUT_MS });
}

/** The step titles in the order the walkthrough shows them. */
export async function stepTitles(page) {
  const titles = page.locator('.gettingStartedSlideDetails .getting-started-step .step-title');
  return (await titles.allInnerTexts()).map((title) => title.trim());
}

function stepLocator(page, stepId) {
  return page.locator(`.getting-started-step[data-step-id$="#${stepId}"]`);
}

/** Opens the step (a click on its title) and waits until it shows as expanded. */
export async function selectStep(page, stepId) {
  const step = stepLocator(page, stepId);
  if ((await step.getAttribute('aria-expanded')) !== 'true') {
    await step.locator('.step-title').click();
  }
  await waitFor(async () => (await step.getAttribute('aria-expanded')) === 'true', 'expanded');
}

/**
 * Waits for the picture of the open step, the one with `altText`, to have loaded; returns its
 * natural size (0 × 0 for a picture that failed to load).
 */
export async function stepImage(page, altText) {
  const image = page.locator(`.getting-started-media img[alt=${JSON.stringify(altText)}]`);
  await image.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await waitFor(() => image.evaluate((element) => element.complete), 'the picture to load');
  return image.evaluate((element) => ({
    width: element.naturalWidth,
    height: element.naturalHeight,
  }));
}

/** Clicks the button `label` of the open step. */
export async function clickStepButton(page, stepId, label) {
  const button = stepLocator(page, stepId).locator('.button-container .monaco-button', {
    hasText: new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`),
  });
  await button.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await button.click();
}

/** The labels of the open step's buttons. */
export async function stepButtons(page, stepId) {
  const buttons = stepLocator(page, stepId).locator('.button-container .monaco-button');
  return (await buttons.allInnerTexts()).map((label) => label.trim());
}

/** True once the step shows as done (its check box ticked). */
export async function isStepDone(page, stepId) {
  const box = page.locator(`[data-done-step-id$="#${stepId}"]`).first();
  return (await box.getAttribute('aria-checked')) === 'true';
}

/** Waits until the step shows as done. */
export function waitForStepDone(page, stepId) {
  return waitFor(() => isStepDone(page, stepId), `the step ${stepId} to be done`);
}

async function waitFor(condition, what) {
  const deadline = Date.now() + TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (await condition().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Timed out waiting for ${what}`);
}
