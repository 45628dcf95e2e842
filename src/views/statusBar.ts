import * as vscode from 'vscode';
import type { RegistryNode } from '../tree/nodes';
import type { Health } from '../tree/registryState';
import type { RegistryTreeModel } from '../tree/registryTreeModel';
import {
  chooseDefault, shouldRecheck, statusBarView, type StatusBarView, type StatusLook,
} from './statusBarText';

const SETTING = 'ankaRegistry.defaultRegistry';
/** A modest re-check: one status and one disk request per five minutes, with the window focused. */
const RECHECK_INTERVAL_MS = 5 * 60_000;
const BACKGROUNDS: Record<StatusLook, string | undefined> = {
  normal: undefined,
  warning: 'statusBarItem.warningBackground',
  error: 'statusBarItem.errorBackground',
};

/**
 * The default registry in the status bar: reachable or not, its version and free disk, from the
 * tree model's status and disk readings; a click opens the Registries view.
 */
export class DefaultRegistryStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly timer: ReturnType<typeof setInterval>;
  private registry: RegistryNode | undefined;
  private shownHealth: Health | undefined;
  private checkedAt: number | undefined;

  constructor(private readonly model: RegistryTreeModel) {
    this.item = vscode.window.createStatusBarItem(
      'ankaRegistry.defaultRegistry',
      vscode.StatusBarAlignment.Left,
      -100,
    );
    this.item.name = vscode.l10n.t('Anka Registry');
    this.item.command = {
      command: 'ankaRegistry.registries.focus',
      title: vscode.l10n.t('Open the Registries View'),
    };
    const modelChange = model.onDidChange((nodes) => {
      if (!nodes || (this.registry && nodes.includes(this.registry))) {
        this.update();
      }
    });
    this.disposables.push(
      this.item,
      { dispose: () => modelChange.dispose() },
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(SETTING)) {
          this.update();
        }
      }),
      vscode.window.onDidChangeWindowState(() => this.recheckWhenDue()),
    );
    // Ticks every minute; a re-check is due once the last reading is five minutes old.
    this.timer = setInterval(() => this.recheckWhenDue(), 60_000);
    this.update();
  }

  /** Follows the model: the default registry may have changed, or its health. */
  private update(): void {
    const setting = vscode.workspace.getConfiguration().get<string>(SETTING);
    const { registry, missingDefault } = chooseDefault(this.model.getRegistries(), setting);
    this.registry = registry;
    if (!registry) {
      this.item.hide();
      return;
    }
    this.model.ensureHealth(registry);
    const health = this.model.getState(registry).health;
    if (health !== this.shownHealth) {
      this.shownHealth = health;
      const settled = health.state === 'ok' || health.state === 'failed';
      this.checkedAt = settled ? Date.now() : undefined;
    }
    const checkedAt = this.checkedAt;
    this.render(statusBarView({ entry: registry.entry, health, missingDefault, checkedAt }));
  }

  private render(view: StatusBarView): void {
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown('**');
    tooltip.appendText(view.title);
    tooltip.appendMarkdown('**');
    for (const line of view.lines) {
      tooltip.appendMarkdown('  \n');
      tooltip.appendText(line);
    }
    this.item.text = view.text;
    this.item.tooltip = tooltip;
    const background = BACKGROUNDS[view.look];
    this.item.backgroundColor = background ? new vscode.ThemeColor(background) : undefined;
    this.item.accessibilityInformation = { label: view.accessibilityLabel, role: 'button' };
    this.item.show();
  }

  private recheckWhenDue(): void {
    const registry = this.registry;
    if (!registry) {
      return;
    }
    const due = shouldRecheck({
      focused: vscode.window.state.focused,
      health: this.model.getState(registry).health,
      checkedAt: this.checkedAt,
      now: Date.now(),
      intervalMs: RECHECK_INTERVAL_MS,
    });
    if (due) {
      this.model.recheckHealth(registry);
    }
  }

  dispose(): void {
    clearInterval(this.timer);
    this.disposables.forEach((disposable) => disposable.dispose());
  }
}
