// The Registry Overview's script: shows what the extension renders, sends the user's clicks back,
// and keeps the panel's state for a window reload. It builds no markup from data itself.
// @ts-check
(function () {
  // @ts-ignore: provided by VS Code inside webviews.
  const vscode = acquireVsCodeApi();
  const root = /** @type {HTMLElement} */ (document.getElementById('root'));
  const notice = /** @type {HTMLElement} */ (document.getElementById('notice'));
  const ACTIONS = new Set(['refresh', 'cancel', 'loadRest', 'showLog']);
  let noticeTimer = 0;

  /** @param {string} markup */
  function render(markup) {
    const active = document.activeElement;
    const focusedId = active && active !== document.body ? active.id : '';
    const scrollY = window.scrollY;
    root.innerHTML = markup;
    root.setAttribute('aria-busy', root.querySelector('.loading') ? 'true' : 'false');
    if (focusedId) {
      const again = document.getElementById(focusedId);
      if (again) again.focus({ preventScroll: true });
    }
    window.scrollTo(0, scrollY);
  }

  /** @param {string} text */
  function showNotice(text) {
    notice.textContent = text;
    notice.classList.add('visible');
    clearTimeout(noticeTimer);
    noticeTimer = window.setTimeout(() => notice.classList.remove('visible'), 2500);
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (typeof message !== 'object' || message === null) return;
    if (message.type === 'render' && typeof message.html === 'string') {
      render(message.html);
      if (typeof message.state === 'object' && message.state !== null) {
        vscode.setState(message.state);
      }
    } else if (message.type === 'notice' && typeof message.text === 'string') {
      showNotice(message.text);
    }
  });

  root.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const button = target ? target.closest('button[data-action]') : null;
    if (!(button instanceof HTMLButtonElement) || button.disabled) return;
    const action = button.dataset.action || '';
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
