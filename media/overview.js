// The Registry Overview's script: sends the user's clicks back and keeps the panel's state for a
// window reload; media/panel.js, loaded first, shows what the extension renders.
// @ts-check
(function () {
  // @ts-ignore: provided by VS Code inside webviews.
  const vscode = acquireVsCodeApi();
  // @ts-ignore: defined by media/panel.js.
  const panel = ankaPanel;
  const root = /** @type {HTMLElement} */ (document.getElementById('root'));
  const ACTIONS = new Set(['refresh', 'cancel', 'loadRest', 'showLog']);

  panel.listen((/** @type {string} */ markup, /** @type {object | undefined} */ state) => {
    panel.render(root, markup, window.scrollY);
    if (state) vscode.setState(state);
  });

  panel.onClickAction(root, (
    /** @type {string} */ action, /** @type {HTMLButtonElement} */ button,
  ) => {
    if (ACTIONS.has(action)) {
      vscode.postMessage({ type: action });
    } else if (action === 'showTemplate' && button.dataset.id) {
      vscode.postMessage({ type: 'showTemplate', id: button.dataset.id });
    } else if (action === 'filterStale') {
      const days = Number(button.dataset.days);
      if (Number.isSafeInteger(days)) vscode.postMessage({ type: 'filterStale', days });
    }
  });

  vscode.postMessage({ type: 'ready' });
})();
