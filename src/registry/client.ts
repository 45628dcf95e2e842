import * as l10n from '@vscode/l10n';
import { RegistryError } from './errors';
import { operations } from './operations';
import type {
  ApiKey,
  ApiKeyUpdate,
  Arch,
  DiskUsage,
  NewApiKey,
  RegistryStatus,
  Template,
  TemplateSummary,
  VersionSelector,
  VmConfig,
} from './models';
import {
  parseApiKeys,
  parseDisk,
  parseStatus,
  parseTemplate,
  parseTemplateList,
  parseTemplateListV1,
  parseVmConfig,
  readString,
} from './parse';
import { RegistryTransport, type RequestSpec, type TransportOptions } from './transport';
import { redactUrl } from './url';

export type RegistryClientOptions = TransportOptions;

/** Per-call options every method takes. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** One method per endpoint of the registry's REST API. */
export class RegistryClient {
  private readonly transport: RegistryTransport;

  constructor(options: RegistryClientOptions) {
    this.transport = new RegistryTransport(options);
  }

  get name(): string {
    return this.transport.name;
  }

  get url(): string {
    return this.transport.baseUrl;
  }

  getStatus(options?: CallOptions): Promise<RegistryStatus> {
    const spec = this.get('/registry/status', operations.readStatus(), options);
    return this.send(spec, parseStatus);
  }

  listTemplates(options?: CallOptions): Promise<TemplateSummary[]> {
    const spec = this.get('/registry/v2/vm', operations.listTemplates(), options);
    return this.send(spec, parseTemplateList);
  }

  getTemplate(id: string, options?: CallOptions): Promise<Template> {
    const spec = this.get('/registry/v2/vm', operations.readTemplate(id), options, { id });
    return this.send(spec, parseTemplate);
  }

  /** The deprecated v1 list, for registries older than 1.7. */
  listTemplatesV1(options?: CallOptions): Promise<TemplateSummary[]> {
    const spec = this.get('/registry/vm', operations.listTemplatesV1(), options);
    return this.send(spec, parseTemplateListV1);
  }

  getTemplateV1(id: string, options?: CallOptions): Promise<Template> {
    const spec = this.get('/registry/vm', operations.readTemplateV1(id), options, { id });
    return this.send(spec, parseTemplate);
  }

  /** The VM config of a version; the newest one when no tag or version is given. */
  getVmConfig(id: string, version?: VersionSelector, options?: CallOptions): Promise<VmConfig> {
    const query = { id, ...selectorQuery(version) };
    const what = operations.readConfig(id, version);
    return this.send(this.get('/registry/vm/info', what, options, query), parseVmConfig);
  }

  /** Deletes the template and every one of its tags. */
  async deleteTemplate(id: string, options?: CallOptions): Promise<void> {
    const spec: RequestSpec = {
      method: 'DELETE',
      path: '/registry/vm',
      query: { id },
      operation: operations.deleteTemplate(id),
      signal: options?.signal,
    };
    await this.transport.call(spec);
  }

  /**
   * Removes the given version and every newer one (the newest alone when none is given);
   * reverting version 0 removes the template.
   */
  async revert(id: string, version?: VersionSelector, options?: CallOptions): Promise<void> {
    const spec: RequestSpec = {
      method: 'DELETE',
      path: '/registry/revert',
      query: { id },
      operation: operations.revert(id, version),
      signal: options?.signal,
    };
    if (version && 'tag' in version) {
      spec.json = { tag: version.tag };
    } else if (version && 'version' in version) {
      // The docs name the parameter `version` and their example sends `number`: send both.
      spec.query = { id, version: version.version, number: version.version };
    }
    await this.transport.call(spec);
  }

  async setArch(id: string, arch: Arch, options?: CallOptions): Promise<void> {
    await this.transport.call({
      method: 'PUT',
      path: '/registry/vm/arch',
      json: { id, arch },
      operation: operations.setArch(id, arch),
      signal: options?.signal,
    });
  }

  getDisk(options?: CallOptions): Promise<DiskUsage> {
    return this.send(this.get('/registry/disk', operations.readDisk(), options), parseDisk);
  }

  listApiKeys(id?: string, options?: CallOptions): Promise<ApiKey[]> {
    const operation = id ? operations.readApiKey(id) : operations.listApiKeys();
    const spec = this.get('/v1/apikey', operation, options, { id });
    return this.send(spec, parseApiKeys);
  }

  /** Creates a key; returns the generated private key (base64 PKCS#1 DER) when none was given. */
  async createApiKey(key: NewApiKey, options?: CallOptions): Promise<string | undefined> {
    const body = await this.transport.call({
      method: 'POST',
      path: '/v1/apikey',
      json: { id: key.id, ttl: key.ttl, groups: key.groups, publicKey: key.publicKey },
      operation: operations.createApiKey(key.id),
      signal: options?.signal,
    });
    const privateKey = readString(body);
    return privateKey === '' ? undefined : privateKey;
  }

  async updateApiKey(update: ApiKeyUpdate, options?: CallOptions): Promise<void> {
    await this.transport.call({
      method: 'PUT',
      path: '/v1/apikey',
      json: update,
      operation: operations.updateApiKey(update.id),
      signal: options?.signal,
    });
  }

  async deleteApiKey(id: string, options?: CallOptions): Promise<void> {
    await this.transport.call({
      method: 'DELETE',
      path: '/v1/apikey',
      json: { id },
      operation: operations.deleteApiKey(id),
      signal: options?.signal,
    });
  }

  close(): Promise<void> {
    return this.transport.close();
  }

  private get(
    path: string,
    operation: string,
    options: CallOptions | undefined,
    query?: Record<string, string | number | undefined>,
  ): RequestSpec {
    return { method: 'GET', path, query, operation, signal: options?.signal };
  }

  /** Calls and parses; a body of the wrong shape becomes a RegistryError, never a TypeError. */
  private async send<T>(spec: RequestSpec, parse: (body: unknown) => T): Promise<T> {
    const body = await this.transport.call(spec);
    try {
      return parse(body);
    } catch (error) {
      throw new RegistryError({
        kind: 'invalidResponse',
        operation: spec.operation,
        registryName: this.transport.name,
        registryUrl: redactUrl(this.transport.baseUrl),
        reason: l10n.t('unexpected answer: {0}', (error as Error).message),
        cause: error,
      });
    }
  }
}

function selectorQuery(version: VersionSelector): Record<string, string | number> {
  if (version && 'tag' in version) {
    return { tag: version.tag };
  }
  if (version && 'version' in version) {
    return { version: version.version };
  }
  return {};
}
