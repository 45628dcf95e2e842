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
    super(
      `The registry "${entry.name}" (${entry.url}) is no longer configured; add it again ` +
        'with "Anka Registry: Add Registry..." to see its templates.',
    );
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
    throw new Error(`The client for registry "${entry.name}" cannot read VM configs.`);
  }
  return client;
}
