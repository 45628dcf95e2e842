// What both panels' scripts share, loaded before them with the same nonce: puts the markup the
// extension renders into the page while keeping the focus, reads loading lines out, shows
// notices, and hands clicked actions on. It builds no markup from data itself.
// @ts-check
const ankaPanel = (function () {
  const notice = /** @type {HTMLElement} */ (document.getElementById('notice'));
  const announcer = /** @type {HTMLElement} */ (document.getElementById('announcer'));
  let announced = '';
  let noticeTimer = 0;

  /**
   * Replaces the markup of `root`, keeps the focused control, reads out what is loading and
   * scrolls to `scrollY`. @param {HTMLElement} root @param {string} markup @param {number} scrollY
   */
  function render(root, markup, scrollY) {
    const focused = focusKey(root, document.activeElement);
    root.innerHTML = markup;
    root.setAttribute('aria-busy', 'false');
    restoreFocus(root, focused);
    announce(root);
    window.scrollTo(0, scrollY);
  }

  /**
   * How to find the focused control again once the markup is replaced: by id, else by its
   * action and target. @param {HTMLElement} root @param {Element | null} element
   */
  function focusKey(root, element) {
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
   * @param {HTMLElement} root @param {{ id: string, action: string, target: string } | null} key
   */
  function restoreFocus(root, key) {
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
   * a count that merely moves on ("12 of 200") is not read again. @param {HTMLElement} root
   */
  function announce(root) {
    const text = [...root.querySelectorAll('[data-announce]')]
      .map((element) => (element.textContent || '').replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join(' ');
    const key = text.replace(/[\d.,]+/g, '#');
    if (key === announced) return;
    announced = key;
    announcer.textContent = text;
  }

  /** @param {string} text */
  function showNotice(text) {
    notice.textContent = text;
    notice.classList.add('visible');
    clearTimeout(noticeTimer);
    noticeTimer = window.setTimeout(() => notice.classList.remove('visible'), 2500);
  }

  /**
   * Hands each markup the extension sends to `onRender`, with the state to keep when it sends
   * one; shows its notices. @param {(markup: string, state: object | undefined) => void} onRender
   */
  function listen(onRender) {
    window.addEventListener('message', (event) => {
      const message = event.data;
      if (typeof message !== 'object' || message === null) return;
      if (message.type === 'render' && typeof message.html === 'string') {
        const state = message.state;
        onRender(message.html, typeof state === 'object' && state !== null ? state : undefined);
      } else if (message.type === 'notice' && typeof message.text === 'string') {
        showNotice(message.text);
      }
    });
  }

  /**
   * Hands the action of each enabled button clicked in `root` to `onAction`.
   * @param {HTMLElement} root @param {(action: string, button: HTMLButtonElement) => void} onAction
   */
  function onClickAction(root, onAction) {
    root.addEventListener('click', (event) => {
      const target = event.target instanceof Element ? event.target : null;
      const button = target ? target.closest('button[data-action]') : null;
      if (!(button instanceof HTMLButtonElement) || button.disabled) return;
      onAction(button.dataset.action || '', button);
    });
  }

  return Object.freeze({ render, listen, onClickAction });
})();
