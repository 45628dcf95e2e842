import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RegistryError, type Template, type TemplateSummary } from '../../src/registry';
import { listTemplates, loadMissingDetails } from '../../src/tree/detailLoader';
import type { TemplateNode } from '../../src/tree/nodes';
import { RegistryTreeModel } from '../../src/tree/registryTreeModel';
import type { TreeClient } from '../../src/tree/registryState';
import { template } from './listingFixtures';

function failure(operation: string): RegistryError {
  return new RegistryError({
    kind: 'http',
    operation,
    registryName: 'CI',
    registryUrl: 'http://127.0.0.1:1',
    reason: 'HTTP 502 Bad Gateway',
  });
}

/** Answers detail reads after a tick, counting how many are in flight at once. */
class SlowClient implements TreeClient {
  inFlight = 0;
  mostInFlight = 0;
  detailCalls = 0;
  failing = new Set<string>();
  failList = false;

  constructor(readonly count: number) {}

  async getStatus() {
    return { state: 'Running', version: '1.13.0', raw: {} };
  }

  async getDisk() {
    return { free: 1, total: 2, used: 1 };
  }

  async listTemplates(): Promise<TemplateSummary[]> {
    if (this.failList) {
      throw failure('list templates');
    }
    return Array.from({ length: this.count }, (_, index) => ({
      id: `t${index}`,
      name: `template-${String(index).padStart(3, '0')}`,
      size: index,
      raw: {},
    }));
  }

  async getTemplate(id: string): Promise<Template> {
    this.detailCalls++;
    this.inFlight++;
    this.mostInFlight = Math.max(this.mostInFlight, this.inFlight);
    await new Promise((resolve) => setTimeout(resolve, 2));
    this.inFlight--;
    if (this.failing.has(id)) {
      throw failure(`read template ${id}`);
    }
    return template({ id, name: id, arch: 'arm64', tags: 2 });
  }

  async close() {}
  async revert() {}
  async deleteTemplate() {}
  async setArch() {}
}

function modelWith(client: SlowClient): RegistryTreeModel {
  const model = new RegistryTreeModel({ createClient: () => client, prefetchLimit: 0 });
  model.setRegistries([{ name: 'CI', url: 'http://127.0.0.1:1' }]);
  return model;
}

describe('loadMissingDetails', () => {
  it('reads every template once, never more than the concurrency at a time', async () => {
    const client = new SlowClient(60);
    const model = modelWith(client);
    const registry = model.getRegistries()[0]!;
    const progress: number[] = [];
    const result = await loadMissingDetails(model, registry, {
      concurrency: 4,
      onProgress: (update) => progress.push(update.done),
    });
    assert.equal(result.total, 60);
    assert.equal(result.done, 60);
    assert.equal(result.failed, 0);
    assert.equal(result.cancelled, false);
    assert.equal(client.detailCalls, 60);
    assert.equal(client.mostInFlight, 4);
    assert.deepEqual(progress, Array.from({ length: 61 }, (_, index) => index));
    assert.ok(result.templates.every((node) => model.getLoadedTemplate(node)?.arch === 'arm64'));
    const again = await loadMissingDetails(model, registry, { concurrency: 4 });
    assert.equal(again.total, 0, 'loaded details are not read again');
    assert.equal(client.detailCalls, 60);
    model.dispose();
  });

  it('counts failed templates and keeps loading the others', async () => {
    const client = new SlowClient(10);
    client.failing = new Set(['t3', 't7']);
    const model = modelWith(client);
    const result = await loadMissingDetails(model, model.getRegistries()[0]!, { concurrency: 3 });
    assert.equal(result.done, 10);
    assert.equal(result.failed, 2);
    assert.match(result.firstError?.message ?? '', /read template t3 .*HTTP 502/);
    const loaded = result.templates.filter((node) => model.getLoadedTemplate(node));
    assert.equal(loaded.length, 8);
    model.dispose();
  });

  it('stops taking templates once cancelled, and says it was', async () => {
    const client = new SlowClient(100);
    const model = modelWith(client);
    const controller = new AbortController();
    const result = await loadMissingDetails(model, model.getRegistries()[0]!, {
      concurrency: 2,
      signal: controller.signal,
      onProgress: (update) => {
        if (update.done === 10) {
          controller.abort();
        }
      },
    });
    assert.equal(result.cancelled, true);
    assert.ok(result.done >= 10 && result.done <= 12, `done ${result.done}`);
    assert.ok(client.detailCalls <= 12, `calls ${client.detailCalls}`);
    model.dispose();
  });

  it('throws the list\'s failure', async () => {
    const client = new SlowClient(5);
    client.failList = true;
    const model = modelWith(client);
    const registry = model.getRegistries()[0]!;
    await assert.rejects(() => listTemplates(model, registry), /list templates .*HTTP 502/);
    await assert.rejects(
      () => loadMissingDetails(model, registry, { concurrency: 2 }),
      RegistryError,
    );
    model.dispose();
  });

  it('lists the templates as nodes in name order', async () => {
    const model = modelWith(new SlowClient(3));
    const nodes: TemplateNode[] = await listTemplates(model, model.getRegistries()[0]!);
    assert.deepEqual(nodes.map((node) => node.summary.name), [
      'template-000', 'template-001', 'template-002',
    ]);
    model.dispose();
  });
});
