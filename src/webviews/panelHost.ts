import * as vscode from 'vscode';
import { showErrorWithLog } from '../commands/showError';

/** What the extension sends a panel's webview; media/panel.js reads both. */
export type ToPanelWebview<State> =
  | { type: 'render'; html: string; state: State }
  | { type: 'notice'; text: string };

/**
 * What every panel does around its own content: takes the webview's messages (checked on
 * arrival; a failed action is shown with the log), sends markup only once the webview listens,
 * and closes once, telling whoever keeps it.
 */
export abstract class PanelHost<From, State> implements vscode.Disposable {
  /** The body last rendered: the webview gets it once it is ready. */
  protected html = '';
  protected disposed = false;
  protected readonly subscriptions: vscode.Disposable[] = [];
  private webviewReady = false;
  private readonly closeListeners = new Set<() => void>();

  protected constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly log: vscode.LogOutputChannel,
    /** The panel's name in the log. */
    private readonly name: string,
    private readonly parse: (raw: unknown) => From | undefined,
  ) {
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  onDidClose(listener: () => void): void {
    this.closeListeners.add(listener);
  }

  /** Answers one message from the webview. */
  protected abstract handle(message: From): Promise<void>;

  /** Renders the panel again, ending with `show`. */
  protected abstract render(): void;

  /** What the webview keeps for the panel to come back after a window reload. */
  protected abstract persisted(): State;

  /** Stops the panel's own work (loads, timers) as it closes. */
  protected abstract release(): void;

  /** The webview listens now: it gets the current markup. */
  protected ready(): void {
    this.webviewReady = true;
    this.render();
  }

  protected show(html: string): void {
    this.html = html;
    if (this.webviewReady) {
      this.post({ type: 'render', html, state: this.persisted() });
    }
  }

  protected notice(text: string): void {
    this.post({ type: 'notice', text });
  }

  private post(message: ToPanelWebview<State>): void {
    void this.panel.webview.postMessage(message);
  }

  private receive(raw: unknown): void {
    const message = this.parse(raw);
    if (!message) {
      this.log.warn(`${this.name}: ignored an unknown message ${JSON.stringify(raw)}`);
      return;
    }
    this.handle(message).catch((error: unknown) => void showErrorWithLog(this.log, error));
  }

  dispose(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    this.release();
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.panel.dispose();
    this.closeListeners.forEach((listener) => listener());
  }
}
