// The details panel's script: sends the user's actions back and keeps the panel's state for a
// window reload; media/panel.js, loaded first, shows what the extension renders.
// @ts-check
(function () {
  // @ts-ignore: provided by VS Code inside webviews.
  const vscode = acquireVsCodeApi();
  // @ts-ignore: defined by media/panel.js.
  const panel = ankaPanel;
  const root = /** @type {HTMLElement} */ (document.getElementById('root'));
  const ACTIONS = new Set([
    'refresh',
    'copyConfig',
    'openConfig',
    'compareWithPrevious',
    'compareWith',
    'toggleSecrets',
    'showLog',
  ]);
  let scrollTimer = 0;
  // Where the user had scrolled to, kept across the page reload VS Code does on every reveal.
  const saved = vscode.getState();
  let pendingScroll = saved && typeof saved.scrollY === 'number' ? saved.scrollY : 0;

  /** @param {Record<string, unknown>} message */
  function post(message) {
    vscode.postMessage(message);
  }

  function rememberScroll() {
    const state = vscode.getState();
    if (state && typeof state === 'object') {
      vscode.setState({ ...state, scrollY: window.scrollY });
    }
  }

  panel.listen((/** @type {string} */ markup, /** @type {object | undefined} */ state) => {
    panel.render(root, markup, pendingScroll || window.scrollY);
    pendingScroll = 0;
    if (state) vscode.setState({ ...state, scrollY: window.scrollY });
  });

  panel.onClickAction(root, (/** @type {string} */ action) => {
    if (ACTIONS.has(action)) post({ type: action });
  });

  root.addEventListener('change', (event) => {
    const target = event.target;
    if (target instanceof HTMLSelectElement && target.id === 'tag-select') {
      const version = Number(target.value);
      if (Number.isSafeInteger(version)) post({ type: 'selectVersion', version });
    }
  });

  window.addEventListener('scroll', () => {
    clearTimeout(scrollTimer);
    scrollTimer = window.setTimeout(rememberScroll, 200);
  });

  post({ type: 'ready' });
})();
