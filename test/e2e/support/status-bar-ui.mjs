// The extension's status bar item for the default registry, as the workbench draws it.
const ITEM_ID = /\.ankaregistry\.defaultregistry$/i;
const TIMEOUT_MS = 20_000;

/**
 * The item now: `{text, label, look}` (`look` is 'error', 'warning' or 'normal', from its
 * background against the theme's colours), or null while it is hidden.
 */
export async function readStatusBarItem(page) {
  return page.evaluate((idSource) => {
    const idPattern = new RegExp(idSource, 'i');
    const item = [...document.querySelectorAll('.statusbar-item')]
      .find((element) => idPattern.test(element.id));
    if (!item || item.offsetParent === null) return null;
    const colourOf = (variable) => {
      const probe = document.createElement('div');
      probe.style.background = `var(${variable})`;
      document.querySelector('.monaco-workbench').appendChild(probe);
      const colour = getComputedStyle(probe).backgroundColor;
      probe.remove();
      return colour;
    };
    const background = getComputedStyle(item).backgroundColor;
    const look = background === colourOf('--vscode-statusBarItem-errorBackground')
      ? 'error'
      : background === colourOf('--vscode-statusBarItem-warningBackground') ? 'warning' : 'normal';
    const label = item.querySelector('a')?.getAttribute('aria-label') ??
      item.getAttribute('aria-label') ?? '';
    return { text: item.innerText.trim(), label, look, background };
  }, ITEM_ID.source);
}

/** Waits until `accept(item)` holds (item may be null: hidden) and returns the item. */
export async function waitForStatusBarItem(page, accept, description, timeoutMs = TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  let item;
  while (Date.now() < deadline) {
    item = await readStatusBarItem(page);
    if (accept(item)) return item;
    await page.waitForTimeout(200);
  }
  const shown = JSON.stringify(item);
  throw new Error(`The status bar item never showed ${description}; it shows ${shown}`);
}

async function itemElement(page) {
  const handle = await page.evaluateHandle((idSource) => {
    const idPattern = new RegExp(idSource, 'i');
    const item = [...document.querySelectorAll('.statusbar-item')]
      .find((element) => idPattern.test(element.id));
    return item?.querySelector('a') ?? item;
  }, ITEM_ID.source);
  const element = handle.asElement();
  if (!element) throw new Error('The status bar item is not there');
  return element;
}

/** Clicks the item. */
export async function clickStatusBarItem(page) {
  await (await itemElement(page)).click();
}

/** Hovers the item and returns its tooltip's text once it shows. */
export async function readStatusBarTooltip(page) {
  await (await itemElement(page)).hover();
  const hover = page.locator('.workbench-hover, .monaco-hover').filter({ hasText: 'URL:' }).first();
  await hover.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  return (await hover.innerText()).replace(/\u00a0/g, ' ').trim();
}
