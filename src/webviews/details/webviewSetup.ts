import * as vscode from 'vscode';
import type { SafeHtml } from './html';
import { renderPage } from './renderPage';

/**
 * Points a panel's webview at `media/` only and gives it its page. Scripts run only when the
 * page has a script to run (`enableScripts`); command links never do.
 */
export function setUpWebview(
  panel: vscode.WebviewPanel,
  extensionUri: vscode.Uri,
  title: string,
  body: SafeHtml,
  enableScripts = true,
): void {
  const media = vscode.Uri.joinPath(extensionUri, 'media');
  const { webview } = panel;
  webview.options = { enableScripts, enableCommandUris: false, localResourceRoots: [media] };
  const resource = (name: string): string =>
    webview.asWebviewUri(vscode.Uri.joinPath(media, name)).toString();
  const resources = {
    cspSource: webview.cspSource,
    styleUri: resource('details.css'),
    scriptUri: resource('details.js'),
    language: vscode.env.language,
  };
  webview.html = renderPage(resources, title, body);
  panel.iconPath = vscode.Uri.joinPath(media, 'anka-registry.svg');
}
