import type * as vscode from 'vscode';

interface ClosablePanel extends vscode.Disposable {
  onDidClose(listener: () => void): void;
}

/** The open panels of one kind, by key; each is forgotten when it closes. */
export class OpenPanels<Panel extends ClosablePanel> implements vscode.Disposable {
  private readonly panels = new Map<string, Panel>();

  get(key: string): Panel | undefined {
    return this.panels.get(key);
  }

  all(): Panel[] {
    return [...this.panels.values()];
  }

  /** Keeps `panel` under `key` until it closes, unless another one took the key meanwhile. */
  add(key: string, panel: Panel): Panel {
    this.panels.set(key, panel);
    panel.onDidClose(() => {
      if (this.panels.get(key) === panel) {
        this.panels.delete(key);
      }
    });
    return panel;
  }

  dispose(): void {
    this.all().forEach((panel) => panel.dispose());
    this.panels.clear();
  }
}
