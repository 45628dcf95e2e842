import type { TreeNode } from '../tree/nodes';
import type { RegistryTreeModel } from '../tree/registryTreeModel';

/**
 * What the template commands (revert, set arch, delete, copy) need, without VS Code: the flows
 * run in plain Node in unit tests with a scripted UI, and in VS Code through vscodeUi.ts.
 */

export interface Choice<T> {
  label: string;
  description?: string;
  detail?: string;
  value: T;
}

/** A modal question: `button` is the one action besides Cancel. */
export interface Confirmation {
  message: string;
  detail: string;
  button: string;
}

/** Where progress shows: in the Registries view (short), the status bar, or a notification. */
export type ProgressPlace = 'view' | 'window' | 'notification';

export interface ProgressReport {
  /** Aborted when the user cancels (notifications only). */
  signal: AbortSignal;
  step(message: string, fraction: number): void;
}

export interface ManageUi {
  pick<T>(choices: Choice<T>[], title: string, placeHolder: string): Promise<T | undefined>;
  /** True only when the user chose `confirmation.button`. */
  confirm(confirmation: Confirmation): Promise<boolean>;
  progress<T>(place: ProgressPlace, title: string, task: (report: ProgressReport) => Promise<T>)
    : Promise<T>;
  info(message: string): void;
  /** An error with a "Show Log" button. */
  error(message: string): void;
  /** Puts `text` on the clipboard and shows `notice`, a whole sentence that says what it was. */
  copy(text: string, notice: string): Promise<void>;
}

export interface ManageLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface ManageContext {
  model: RegistryTreeModel;
  ui: ManageUi;
  log: ManageLog;
  /** The tree's current selection (several rows with multi-select). */
  selection(): readonly TreeNode[];
}

export type ManageCommand = (context: ManageContext, ...args: unknown[]) => Promise<void>;
