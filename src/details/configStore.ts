import type { Template, TemplateVersion, VersionSelector, VmConfig } from '../registry/models';
import type { RegistryEntry } from '../tree/nodes';
import type { RegistryTreeModel } from '../tree/registryTreeModel';
import type { ConfigAddress } from './configUri';
import { clientFor } from './registryClients';
import { selectorFor } from './versions';

/** Where a tag's config lives, for documents, diffs and the details panel. */
export function addressOf(
  entry: RegistryEntry,
  template: Template,
  version: TemplateVersion,
  revealSecrets = false,
): ConfigAddress {
  const selector = selectorFor(template, version);
  return {
    registryName: entry.name,
    registryUrl: entry.url,
    templateId: template.id,
    templateName: template.name,
    version: version.number,
    tag: version.tag,
    byVersion: selector !== undefined && 'version' in selector,
    revealSecrets,
  };
}

export function selectorOf(address: ConfigAddress): VersionSelector {
  return address.byVersion || address.tag === ''
    ? { version: address.version }
    : { tag: address.tag };
}

type InvalidateListener = (registryUrl: string | undefined, templateId: string | undefined) => void;

/**
 * VM configs read from registries, kept until the template is refreshed, so the panel, the
 * documents and the diffs of one tag cost one request.
 */
export class ConfigStore {
  private readonly configs = new Map<string, Promise<VmConfig>>();
  private readonly settled = new Map<string, VmConfig>();
  private readonly listeners = new Set<InvalidateListener>();

  constructor(private readonly model: RegistryTreeModel) {}

  get(address: ConfigAddress): Promise<VmConfig> {
    const key = keyOf(address);
    let pending = this.configs.get(key);
    if (!pending) {
      const entry = { name: address.registryName, url: address.registryUrl };
      const request = Promise.resolve().then(() =>
        clientFor(this.model, entry).getVmConfig(address.templateId, selectorOf(address)),
      );
      pending = request;
      this.configs.set(key, request);
      request.then(
        (config) => {
          if (this.configs.get(key) === request) {
            this.settled.set(key, config);
          }
        },
        () => {
          if (this.configs.get(key) === request) {
            this.configs.delete(key);
          }
        },
      );
    }
    return pending;
  }

  /** The config if it has been read already, without waiting. */
  peek(address: ConfigAddress): VmConfig | undefined {
    return this.settled.get(keyOf(address));
  }

  /** Forgets configs (of one registry, or one template); open documents of them are read again. */
  invalidate(registryUrl?: string, templateId?: string): void {
    const prefix = [registryUrl, templateId]
      .filter((part): part is string => part !== undefined)
      .map((part) => `${part}\u0000`)
      .join('');
    for (const key of [...this.configs.keys()]) {
      if (registryUrl === undefined || key.startsWith(prefix)) {
        this.configs.delete(key);
        this.settled.delete(key);
      }
    }
    this.listeners.forEach((listener) => listener(registryUrl, templateId));
  }

  onDidInvalidate(listener: InvalidateListener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
}

function keyOf(address: ConfigAddress): string {
  const selector = selectorOf(address);
  const which =
    selector && 'tag' in selector ? `tag:${selector.tag}` : `version:${address.version}`;
  return `${address.registryUrl}\u0000${address.templateId}\u0000${which}`;
}
