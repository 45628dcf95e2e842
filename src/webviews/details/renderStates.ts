import { html, type SafeHtml } from './html';

/** The loading and failure blocks every section uses. */

export function loadingLine(text: string): SafeHtml {
  return html`<div class="loading" role="status" aria-live="polite">
    <span class="spinner" aria-hidden="true"></span><span>${text}</span>
  </div>`;
}

/** A failure with what failed, why, and buttons to try again or read the log. */
export function failedBox(title: string, message: string, retryAction: 'refresh'): SafeHtml {
  return html`<div class="error" role="alert">
    <p class="error-title">${title}</p>
    <p class="error-message">${message}</p>
    <div class="toolbar">
      <button type="button" data-action="${retryAction}">Retry</button>
      <button type="button" class="secondary" data-action="showLog">Show Log</button>
    </div>
  </div>`;
}
