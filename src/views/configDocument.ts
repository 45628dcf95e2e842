import * as vscode from 'vscode';
import type { ConfigStore } from '../details/configStore';
import { renderConfigYaml, yamlComment } from '../details/configYaml';
import { CONFIG_SCHEME, configUri, parseConfigUri, type ConfigAddress } from '../details/configUri';
import { showErrorWithLog } from '../commands/showError';
import { describeError } from '../registry';

/** VM configs as read-only YAML documents, and diffs between two tags' configs. */

/** For the log, which stays in English. */
function describeTag(address: ConfigAddress): string {
  const tag = address.tag === '' ? '(no tag name)' : `"${address.tag}"`;
  return `tag ${tag} (version ${address.version}) of template ${address.templateName}`;
}

/** What the user sees about one config: its title, a failure, a wait. */
type ConfigPhrase = 'title' | 'readFailed' | 'reading';

function configPhrase(address: ConfigAddress, phrase: ConfigPhrase): string {
  const { tag, version, templateName: template } = address;
  if (tag === '') {
    const args = [version, template];
    switch (phrase) {
      case 'title':
        return vscode.l10n.t({
          message: 'VM config of version {0} of template {1}',
          args,
          comment: ['{0} is the number of a version without a tag, {1} its template'],
        });
      case 'readFailed':
        return vscode.l10n.t({
          message: 'Could not read the VM config of version {0} of template {1}.',
          args,
          comment: ['{0} is the number of a version without a tag, {1} its template'],
        });
      case 'reading':
        return vscode.l10n.t({
          message: 'Reading the VM config of version {0} of template {1}…',
          args,
          comment: ['{0} is the number of a version without a tag, {1} its template'],
        });
    }
  }
  const args = [tag, version, template];
  switch (phrase) {
    case 'title':
      return vscode.l10n.t({
        message: 'VM config of tag "{0}" (version {1}) of template {2}',
        args,
        comment: ['{0} is a tag, {1} its version number, {2} its template'],
      });
    case 'readFailed':
      return vscode.l10n.t({
        message: 'Could not read the VM config of tag "{0}" (version {1}) of template {2}.',
        args,
        comment: ['{0} is a tag, {1} its version number, {2} its template'],
      });
    case 'reading':
      return vscode.l10n.t({
        message: 'Reading the VM config of tag "{0}" (version {1}) of template {2}…',
        args,
        comment: ['{0} is a tag, {1} its version number, {2} its template'],
      });
  }
}

function header(address: ConfigAddress): string[] {
  const secrets = address.revealSecrets
    ? vscode.l10n.t('Secrets are shown.')
    : vscode.l10n.t('Secrets are masked.');
  return [
    configPhrase(address, 'title'),
    vscode.l10n.t({
      message: 'Registry {0} ({1}), template id {2}',
      args: [address.registryName, address.registryUrl, address.templateId],
      comment: ['{0} is a registry name, {1} its URL, {2} the id of a template'],
    }),
    vscode.l10n.t({
      message: 'Read-only, as the registry reports it. {0}',
      args: [secrets],
      comment: ['{0} says whether secrets are shown or masked'],
    }),
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
      return yamlComment([
        vscode.l10n.t('This address does not name a VM config of an Anka Registry.'),
      ]);
    }
    try {
      const config = await this.configs.get(address);
      const revealSecrets = address.revealSecrets;
      return renderConfigYaml(config.raw, { revealSecrets, header: header(address) });
    } catch (error) {
      const message = describeError(error);
      this.log.error(`Could not show the VM config of ${describeTag(address)}: ${message}`);
      return yamlComment([
        configPhrase(address, 'readFailed'),
        message,
        vscode.l10n.t('Refresh the template in the Registries view, then open the config again.'),
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
    if (!(await this.prefetch([address], configPhrase(address, 'reading')))) {
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
    const reading = vscode.l10n.t({
      message: 'Reading the VM configs for {0}…',
      args: [title],
      comment: ['{0} names a template and two of its tags, such as "sequoia: ssh ↔ java17"'],
    });
    if (!(await this.prefetch([left, right], reading))) {
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
  return address.tag === ''
    ? vscode.l10n.t({
      message: 'version {0}',
      args: [address.version],
      comment: ['Stands for a tag name in a diff title; {0} is a version number'],
    })
    : address.tag;
}

export { CONFIG_SCHEME };
