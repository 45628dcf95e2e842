import * as vscode from 'vscode';

type Stubbed = Record<string, unknown>;

export interface ShownMessage {
  severity: 'info' | 'warning' | 'error';
  message: string;
  detail: string;
  modal: boolean;
  buttons: string[];
}

/**
 * Answers VS Code's input boxes, quick picks, modal dialogs and file dialogs from a script, for
 * commands driven in the extension host; everything shown is recorded. An unscripted question
 * is answered with "cancel".
 */
export class ScriptedUi {
  /** Typed into input boxes, in order. */
  inputs: string[] = [];
  /** Quick pick answers: the first item whose label contains the text. */
  picks: string[] = [];
  /** Buttons clicked in modal dialogs, in order. */
  buttons: string[] = [];
  /** Paths chosen in open and save dialogs, in order. */
  files: string[] = [];
  readonly prompts: string[] = [];
  readonly pickTitles: string[] = [];
  readonly messages: ShownMessage[] = [];
  private readonly saved = new Map<string, unknown>();
  private readonly target = vscode.window as unknown as Stubbed;

  install(): this {
    this.replace('showInputBox', async (options?: vscode.InputBoxOptions) => {
      this.prompts.push(`${options?.title ?? ''} | ${options?.prompt ?? ''}`);
      const answer = this.inputs.shift();
      const problem = answer === undefined ? undefined : await options?.validateInput?.(answer);
      if (problem) {
        const text = typeof problem === 'string' ? problem : problem.message;
        throw new Error(`The input box "${options?.prompt}" refused "${answer}": ${text}`);
      }
      return answer;
    });
    this.replace('showQuickPick', async (items: unknown, options?: vscode.QuickPickOptions) => {
      const list = (await items) as vscode.QuickPickItem[];
      this.pickTitles.push(`${options?.title ?? ''} | ${options?.placeHolder ?? ''}`);
      const wanted = this.picks.shift();
      return wanted === undefined ? undefined : list.find((item) => item.label.includes(wanted));
    });
    for (const [name, severity] of [
      ['showInformationMessage', 'info'],
      ['showWarningMessage', 'warning'],
      ['showErrorMessage', 'error'],
    ] as const) {
      this.replace(name, async (message: string, ...rest: unknown[]) =>
        this.answer(severity, message, rest));
    }
    const pickFile = async () => {
      const file = this.files.shift();
      return file === undefined ? undefined : vscode.Uri.file(file);
    };
    this.replace('showOpenDialog', async () => {
      const uri = await pickFile();
      return uri && [uri];
    });
    this.replace('showSaveDialog', pickFile);
    return this;
  }

  restore(): void {
    for (const [name, value] of this.saved) {
      this.target[name] = value;
    }
    this.saved.clear();
  }

  /** Everything shown so far, one line each, for assertion messages. */
  transcript(): string {
    const messages = this.messages.map((message) => `${message.severity}: ${message.message}`);
    return [...this.prompts, ...this.pickTitles, ...messages].join('\n');
  }

  private answer(severity: ShownMessage['severity'], message: string, rest: unknown[]) {
    const [first, ...others] = rest;
    const options: vscode.MessageOptions =
      typeof first === 'object' && first !== null ? (first as vscode.MessageOptions) : {};
    const buttons = (typeof first === 'string' ? [first, ...others] : others).map((button) =>
      typeof button === 'string' ? button : (button as vscode.MessageItem).title);
    const modal = options.modal === true;
    this.messages.push({ severity, message, detail: options.detail ?? '', modal, buttons });
    if (!modal) {
      return undefined;
    }
    const wanted = this.buttons.shift();
    return buttons.find((button) => button === wanted);
  }

  private replace(name: string, stub: unknown): void {
    this.saved.set(name, this.target[name]);
    this.target[name] = stub;
  }
}
