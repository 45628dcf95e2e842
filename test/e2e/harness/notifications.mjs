// Notifications as toasts in the corner of the workbench.

/**
 * @typedef {object} Notification
 * @property {string} message the notification's text
 * @property {'error' | 'warning' | 'info'} severity from its icon
 * @property {string[]} actions labels of its buttons
 */

/** The notifications showing now as toasts, newest first. */
export async function readNotifications(page) {
  return page.locator('.notifications-toasts .notification-toast').evaluateAll((toasts) =>
    toasts.map((toast) => {
      const icon = toast.querySelector('.notification-list-item-icon')?.className ?? '';
      const severity = /error/.test(icon) ? 'error' : /warning/.test(icon) ? 'warning' : 'info';
      const message = toast.querySelector('.notification-list-item-message');
      const buttons = toast.querySelectorAll('.notification-list-item-buttons-container a');
      return {
        message: message?.textContent?.trim() ?? '',
        severity,
        actions: [...buttons].map((button) => button.textContent?.trim() ?? ''),
      };
    }),
  );
}

/** Waits for a toast whose text matches `pattern` and returns it. */
export async function waitForNotification(page, pattern, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  let seen = [];
  while (Date.now() < deadline) {
    seen = await readNotifications(page);
    const found = seen.find((notification) => pattern.test(notification.message));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const messages = seen.map((notification) => notification.message).join(' | ') || '(none)';
  throw new Error(`No notification matching ${pattern}; showing: ${messages}`);
}
