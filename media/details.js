// The details panel's script: shows what the extension renders, sends the user's actions back,
// and keeps the panel's state for a window reload. It builds no markup from data itself.
// @ts-check
(function () {
  // @ts-ignore: provided by VS Code inside webviews.
  const vscode = acquireVsCodeApi();
  const root = /** @type {HTMLElement} */ (document.getElementById('root'));
  const notice = /** @type {HTMLElement} */ (document.getElementById('notice'));
  const announcer = /** @type {HTMLElement} */ (document.getElementById('announcer'));
  let announced = '';
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
    const focused = focusKey(document.activeElement);
    const scrollY = window.scrollY;
    root.innerHTML = markup;
    root.setAttribute('aria-busy', 'false');
    restoreFocus(focused);
    announce();
    window.scrollTo(0, pendingScroll || scrollY);
    pendingScroll = 0;
  }

  /**
   * How to find the focused control again once the markup is replaced: by id, else by its
   * action and target. @param {Element | null} element
   */
  function focusKey(element) {
    // A panel without the focus must not take it from the workbench by focusing its controls.
    if (!document.hasFocus()) return null;
    if (!(element instanceof HTMLElement) || !root.contains(element)) return null;
    const action = element.dataset.action || '';
    const target = element.dataset.id || element.dataset.days || '';
    return { id: element.id, action, target };
  }

  /**
   * Focuses the same control again; when it is gone or disabled (a Refresh that is running),
   * a Cancel or Refresh button, else the page itself, so the keyboard never drops to the top.
   * @param {{ id: string, action: string, target: string } | null} key
   */
  function restoreFocus(key) {
    if (!key) return;
    const byAction = [...root.querySelectorAll('[data-action]')].find((element) =>
      element instanceof HTMLElement && element.dataset.action === key.action &&
      (element.dataset.id || element.dataset.days || '') === key.target);
    const candidates = [
      key.id ? document.getElementById(key.id) : null,
      key.action ? byAction : null,
      root.querySelector('[data-action="cancel"]'),
      document.getElementById('refresh'),
      root,
    ];
    const next = candidates.find((element) =>
      element instanceof HTMLElement && !element.hasAttribute('disabled'));
    if (next instanceof HTMLElement) next.focus({ preventScroll: true });
  }

  /**
   * Reads out the loading lines of the new markup through a live region that outlives renders;
   * a count that merely moves on ("12 of 200") is not read again.
   */
  function announce() {
    const text = [...root.querySelectorAll('[data-announce]')]
      .map((element) => (element.textContent || '').replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join(' ');
    const key = text.replace(/[\d.,]+/g, '#');
    if (key === announced) return;
    announced = key;
    announcer.textContent = text;
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
