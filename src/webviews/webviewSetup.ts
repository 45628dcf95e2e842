import * as vscode from 'vscode';
import type { SafeHtml } from './details/html';
import { renderPage } from './details/renderPage';

/** A panel's page: its title, its first markup and its own script in `media/`. */
export interface PanelPage {
  title: string;
  body: SafeHtml;
  /** The page's script, run after `media/panel.js`; without one no script runs at all. */
  script?: string;
}

function mediaOf(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'media');
}

/** A new panel in the active column; it keeps no hidden page, the scripts save its state. */
export function openPanel(
  viewType: string,
  title: string,
  extensionUri: vscode.Uri,
): vscode.WebviewPanel {
  return vscode.window.createWebviewPanel(
    viewType,
    title,
    { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
    {
      enableScripts: true,
      enableFindWidget: true,
      retainContextWhenHidden: false,
      localResourceRoots: [mediaOf(extensionUri)],
    },
  );
}

/**
 * Points a panel's webview at `media/` only and gives it its page. Scripts run only when the
 * page has a script to run (`enableScripts`); command links never do.
 */
export function setUpWebview(
  panel: vscode.WebviewPanel,
  extensionUri: vscode.Uri,
  page: PanelPage,
): void {
  const media = mediaOf(extensionUri);
  const { webview } = panel;
  const scripts = page.script === undefined ? [] : ['panel.js', page.script];
  webview.options = {
    enableScripts: scripts.length > 0,
    enableCommandUris: false,
    localResourceRoots: [media],
  };
  const resource = (name: string): string =>
    webview.asWebviewUri(vscode.Uri.joinPath(media, name)).toString();
  const resources = {
    cspSource: webview.cspSource,
    styleUri: resource('details.css'),
    scriptUris: scripts.map(resource),
    language: vscode.env.language,
  };
  webview.html = renderPage(resources, page.title, page.body);
  panel.iconPath = vscode.Uri.joinPath(media, 'anka-registry.svg');
}
