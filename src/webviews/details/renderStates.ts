import * as l10n from '@vscode/l10n';
import { html, type SafeHtml } from './html';

/**
 * The loading and failure blocks every section uses. The page's script reads `data-announce`
 * texts out through a live region that outlives each render (see media/details.js).
 */

export function loadingLine(text: string): SafeHtml {
  return html`<div class="loading" data-announce>
    <span class="spinner" aria-hidden="true"></span><span>${text}</span>
  </div>`;
}

/** A failure with what failed, why, and buttons to try again or read the log. */
export function failedBox(title: string, message: string, retryAction: 'refresh'): SafeHtml {
  return html`<div class="error" role="alert">
    <p class="error-title">${title}</p>
    <p class="error-message">${message}</p>
    <div class="toolbar">
      <button type="button" data-action="${retryAction}">${l10n.t('Retry')}</button>
      <button type="button" class="secondary" data-action="showLog">${l10n.t('Show Log')}</button>
    </div>
  </div>`;
}
