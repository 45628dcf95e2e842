import * as l10n from '@vscode/l10n';
import type { RegistryClient } from '../registry/client';
import type { RegistryEntry, RegistryNode } from '../tree/nodes';
import type { RegistryTreeModel } from '../tree/registryTreeModel';

/** The client calls the details need; the tree model's client for the registry provides them. */
export type DetailsClient = Pick<RegistryClient, 'getTemplate' | 'getVmConfig' | 'getDisk'>;

function isDetailsClient(client: object): client is DetailsClient {
  const candidate = client as Partial<Record<keyof DetailsClient, unknown>>;
  return ['getTemplate', 'getVmConfig', 'getDisk'].every(
    (method) => typeof candidate[method as keyof DetailsClient] === 'function',
  );
}

/** The configured registry with this name and URL (or only this URL, if renamed meanwhile). */
export function findRegistry(
  model: RegistryTreeModel,
  entry: RegistryEntry,
): RegistryNode | undefined {
  const registries = model.getRegistries();
  return (
    registries.find((node) => node.entry.name === entry.name && node.entry.url === entry.url) ??
    registries.find((node) => node.entry.url === entry.url)
  );
}

export class RegistryGoneError extends Error {
  constructor(entry: RegistryEntry) {
    const gone = l10n.t({
      message: 'The registry "{0}" ({1}) is no longer configured',
      args: [entry.name, entry.url],
      comment: ['{0} is a registry name, {1} its URL'],
    });
    const addAgain = l10n.t({
      message: 'add it again with "{0}" to see its templates.',
      args: [l10n.t('Anka Registry: Add Registry...')],
      comment: ['"it" is the registry; {0} is the command "Anka Registry: Add Registry..."'],
    });
    super(`${gone}; ${addAgain}`);
    this.name = 'RegistryGoneError';
  }
}

/** The client the tree uses for this registry, so settings such as auth apply here too. */
export function clientFor(model: RegistryTreeModel, entry: RegistryEntry): DetailsClient {
  const node = findRegistry(model, entry);
  if (!node) {
    throw new RegistryGoneError(entry);
  }
  const client = model.getState(node).client;
  if (!isDetailsClient(client)) {
    throw new Error(l10n.t('The client for registry "{0}" cannot read VM configs.', entry.name));
  }
  return client;
}
