import * as vscode from 'vscode';
import type { ConfigStore } from '../details/configStore';
import { renderConfigYaml, yamlComment } from '../details/configYaml';
import { CONFIG_SCHEME, configUri, parseConfigUri, type ConfigAddress } from '../details/configUri';
import { showErrorWithLog } from '../commands/showError';
import { describeError } from '../registry';

/** VM configs as read-only YAML documents, and diffs between two tags' configs. */

function describeTag(address: ConfigAddress): string {
  const tag = address.tag === '' ? '(no tag name)' : `"${address.tag}"`;
  return `tag ${tag} (version ${address.version}) of template ${address.templateName}`;
}

function header(address: ConfigAddress): string[] {
  const secrets = address.revealSecrets ? 'Secrets are shown.' : 'Secrets are masked.';
  return [
    `VM config of ${describeTag(address)}`,
    `Registry ${address.registryName} (${address.registryUrl}), template id ${address.templateId}`,
    `Read-only, as the registry reports it. ${secrets}`,
  ];
}

export class ConfigDocumentProvider
  implements vscode.TextDocumentContentProvider, vscode.Disposable
{
  private readonly changes = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changes.event;
  private readonly subscription: { dispose(): void };

  constructor(
    private readonly configs: ConfigStore,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscription = configs.onDidInvalidate((registryUrl, templateId) =>
      this.reloadOpenDocuments(registryUrl, templateId),
    );
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const address = parseConfigUri(uri);
    if (!address) {
      return '# This address does not name a VM config of an Anka Registry.\n';
    }
    try {
      const config = await this.configs.get(address);
      const revealSecrets = address.revealSecrets;
      return renderConfigYaml(config.raw, { revealSecrets, header: header(address) });
    } catch (error) {
      const message = describeError(error);
      this.log.error(`Could not show the VM config of ${describeTag(address)}: ${message}`);
      return yamlComment([
        `Could not read the VM config of ${describeTag(address)}.`,
        message,
        'Refresh the template in the Registries view, then open the config again.',
      ]);
    }
  }

  private reloadOpenDocuments(registryUrl?: string, templateId?: string): void {
    for (const document of vscode.workspace.textDocuments) {
      const address = parseConfigUri(document.uri);
      const matches =
        address &&
        (registryUrl === undefined || address.registryUrl === registryUrl) &&
        (templateId === undefined || address.templateId === templateId);
      if (matches) {
        this.changes.fire(document.uri);
      }
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changes.dispose();
  }
}

export function toVscodeUri(address: ConfigAddress): vscode.Uri {
  return vscode.Uri.parse(configUri(address).toString(), true);
}

/** Opens configs as documents and diffs, reading them first so that failures are shown. */
export class ConfigDocuments {
  constructor(
    private readonly configs: ConfigStore,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async open(address: ConfigAddress, viewColumn = vscode.ViewColumn.Active): Promise<boolean> {
    if (!(await this.prefetch([address], `Reading the VM config of ${describeTag(address)}…`))) {
      return false;
    }
    const document = await vscode.workspace.openTextDocument(toVscodeUri(address));
    if (document.languageId !== 'yaml') {
      await vscode.languages.setTextDocumentLanguage(document, 'yaml');
    }
    await vscode.window.showTextDocument(document, { viewColumn, preview: true });
    return true;
  }

  /** Opens the diff editor; the older tag goes on the left. */
  async diff(
    first: ConfigAddress,
    second: ConfigAddress,
    viewColumn = vscode.ViewColumn.Active,
  ): Promise<boolean> {
    const [left, right] = first.version <= second.version ? [first, second] : [second, first];
    const title = `${left.templateName}: ${tagName(left)} ↔ ${tagName(right)}`;
    if (!(await this.prefetch([left, right], `Reading the VM configs for ${title}…`))) {
      return false;
    }
    const uris = [toVscodeUri(left), toVscodeUri(right)];
    const options = { preview: true, viewColumn };
    await vscode.commands.executeCommand('vscode.diff', ...uris, title, options);
    return true;
  }

  /** True when every config could be read; false when cancelled or failed (and then shown). */
  private async prefetch(addresses: ConfigAddress[], title: string): Promise<boolean> {
    if (addresses.every((address) => this.configs.peek(address) !== undefined)) {
      return true;
    }
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      (_progress, token) =>
        new Promise<'done' | 'cancelled' | { error: unknown }>((resolve) => {
          const subscription = token.onCancellationRequested(() => resolve('cancelled'));
          Promise.all(addresses.map((address) => this.configs.get(address))).then(
            () => resolve('done'),
            (error: unknown) => resolve({ error }),
          ).finally(() => subscription.dispose());
        }),
    );
    if (outcome === 'done') {
      return true;
    }
    if (outcome !== 'cancelled') {
      void showErrorWithLog(this.log, outcome.error);
    }
    return false;
  }
}

function tagName(address: ConfigAddress): string {
  return address.tag === '' ? `version ${address.version}` : address.tag;
}

export { CONFIG_SCHEME };
