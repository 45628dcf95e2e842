import * as vscode from 'vscode';
import { RegistryClient } from '../registry';
import { RegistryConnection, type RegistrySecrets } from '../registry/auth';
import type { RegistryEntry } from '../tree/nodes';
import { maxConcurrentRequests } from './listSettings';
import { readProxyConfig } from './proxySettings';
import type { RegistrySecretStore } from './secrets';
import { requestTimeoutMs } from './settings';

export interface ClientOptions {
  /** Secrets to use instead of the stored ones (checking credentials before they are saved). */
  secrets?: RegistrySecrets;
  timeoutMs?: number;
}

/**
 * Makes the REST clients of configured registries: each with its own connection (TLS, proxy,
 * credentials from SecretStorage), reset whenever the registry's secrets change.
 */
export class RegistryConnections implements vscode.Disposable {
  private readonly live = new Map<string, Set<RegistryConnection>>();
  private readonly warned = new Set<string>();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly secrets: RegistrySecretStore,
  ) {
    this.subscription = secrets.onDidChange((key) => {
      this.live.get(key)?.forEach((connection) => connection.reset());
    });
  }

  createClient(entry: RegistryEntry, options: ClientOptions = {}): RegistryClient {
    const key = this.secrets.keyOf(entry);
    const given = options.secrets;
    const connection: RegistryConnection = new RegistryConnection({
      name: entry.name,
      url: entry.url,
      settings: entry,
      loadSecrets: () => (given ? Promise.resolve({ ...given }) : this.secrets.get(entry)),
      proxy: readProxyConfig(),
      connections: maxConcurrentRequests(),
      logger: {
        debug: (message) => this.log.debug(message),
        warn: (message) => this.warn(entry, message),
      },
      onClose: () => this.live.get(key)?.delete(connection),
    });
    if (!given) {
      this.live.set(key, (this.live.get(key) ?? new Set()).add(connection));
    }
    return new RegistryClient({
      name: entry.name,
      url: entry.url,
      timeoutMs: options.timeoutMs ?? requestTimeoutMs(),
      logger: this.log,
      auth: connection,
    });
  }

  /** Logs every warning; shows each registry's first one, since it is about its safety. */
  private warn(entry: RegistryEntry, message: string): void {
    this.log.warn(message);
    const key = `${this.secrets.keyOf(entry)}\u0000${message}`;
    if (this.warned.has(key)) {
      return;
    }
    this.warned.add(key);
    const prefix = `${entry.name}: `;
    const detail = message.startsWith(prefix) ? message.slice(prefix.length) : message;
    const edit = vscode.l10n.t('Edit Registry');
    const text = vscode.l10n.t({
      message: 'Registry "{0}": {1}.',
      args: [entry.name, detail],
      comment: ['{0} is a registry name, {1} a warning about its connection'],
    });
    void vscode.window
      .showWarningMessage(text, edit)
      .then((choice) => {
        if (choice === edit) {
          void vscode.commands.executeCommand('ankaRegistry.editRegistry', entry.name);
        }
      });
  }

  dispose(): void {
    this.subscription.dispose();
    this.live.clear();
  }
}
