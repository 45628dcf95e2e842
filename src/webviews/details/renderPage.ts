import { randomBytes } from 'node:crypto';
import { html, join, type SafeHtml } from './html';

/** The webview's document: a strict CSP, the stylesheet and the scripts from `media/`. */

export interface PageResources {
  /** The webview's `cspSource`. */
  cspSource: string;
  styleUri: string;
  /** The scripts in the order they run, all under the page's one nonce. */
  scriptUris: readonly string[];
  nonce?: string;
  /** The display language, for the page's `lang` (screen readers, hyphenation). */
  language?: string;
}

export function createNonce(): string {
  return randomBytes(18).toString('base64');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function renderPage(resources: PageResources, title: string, body: SafeHtml): string {
  const nonce = resources.nonce ?? createNonce();
  const policy = contentSecurityPolicy(resources.cspSource, nonce);
  const scripts = resources.scriptUris.map(
    (uri) => html`<script nonce="${nonce}" src="${uri}"></script>`,
  );
  return html`<!DOCTYPE html>
<html lang="${resources.language ?? 'en'}">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${policy}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${resources.styleUri}">
  <title>${title}</title>
</head>
<body>
  <main id="root" tabindex="-1" aria-busy="true">${body}</main>
  <div id="notice" class="notice" role="status" aria-live="polite"></div>
  <div id="announcer" class="visually-hidden" role="status" aria-live="polite"></div>
  ${join(scripts, '\n  ')}
</body>
</html>`.value;
}
