// The details panel's script: shows what the extension renders, sends the user's actions back,
// and keeps the panel's state for a window reload. It builds no markup from data itself.
// @ts-check
(function () {
  // @ts-ignore: provided by VS Code inside webviews.
  const vscode = acquireVsCodeApi();
  const root = /** @type {HTMLElement} */ (document.getElementById('root'));
  const notice = /** @type {HTMLElement} */ (document.getElementById('notice'));
  const ACTIONS = new Set([
    'refresh',
    'copyConfig',
    'openConfig',
    'compareWithPrevious',
    'compareWith',
    'toggleSecrets',
    'showLog',
  ]);
  let noticeTimer = 0;
  let scrollTimer = 0;
  // Where the user had scrolled to, kept across the page reload VS Code does on every reveal.
  const saved = vscode.getState();
  let pendingScroll = saved && typeof saved.scrollY === 'number' ? saved.scrollY : 0;

  /** @param {Record<string, unknown>} message */
  function post(message) {
    vscode.postMessage(message);
  }

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
    window.scrollTo(0, pendingScroll || scrollY);
    pendingScroll = 0;
  }

  function rememberScroll() {
    const state = vscode.getState();
    if (state && typeof state === 'object') {
      vscode.setState({ ...state, scrollY: window.scrollY });
    }
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
        vscode.setState({ ...message.state, scrollY: window.scrollY });
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
