import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RegistryError, type Template, type TemplateSummary } from '../../src/registry';
import type { RegistryEntry, TagNode, TemplateNode, TreeNode } from '../../src/tree/nodes';
import { RegistryTreeModel } from '../../src/tree/registryTreeModel';
import type { TreeClient } from '../../src/tree/registryState';
import { version } from './listingFixtures';

function failure(reason: string): RegistryError {
  return new RegistryError({
    kind: 'connectionRefused',
    operation: 'list templates',
    registryName: 'r',
    registryUrl: 'http://r',
    reason,
  });
}

/** A client stub that counts calls and answers from a small in-memory fleet. */
class StubClient implements TreeClient {
  calls: string[] = [];
  failList = false;
  templates: Template[] = [
    template('b-id', 'sonoma', [0, 1, 2]),
    template('a-id', 'Big Sur', [0]),
    template('c-id', 'sequoia 10', []),
    template('d-id', 'sequoia 9', [3, 1, 2, 0]),
  ];

  async getStatus() {
    this.calls.push('status');
    return { state: 'Running', version: '1.13.0', raw: {} };
  }

  async getDisk() {
    this.calls.push('disk');
    return { free: 1, total: 2, used: 1 };
  }

  async listTemplates(): Promise<TemplateSummary[]> {
    this.calls.push('list');
    if (this.failList) {
      throw failure('connection refused by r; is the registry running?');
    }
    return this.templates.map((item) => ({ id: item.id, name: item.name, size: 1, raw: {} }));
  }

  async getTemplate(id: string): Promise<Template> {
    this.calls.push(`detail:${id}`);
    const found = this.templates.find((item) => item.id === id);
    if (!found) {
      throw failure('no such template');
    }
    return found;
  }

  async close(): Promise<void> {
    this.calls.push('close');
  }

  async revert(id: string): Promise<void> {
    this.calls.push(`revert:${id}`);
  }

  async deleteTemplate(id: string): Promise<void> {
    this.calls.push(`delete:${id}`);
  }

  async setArch(id: string, arch: string): Promise<void> {
    this.calls.push(`arch:${id}:${arch}`);
  }
}

function template(id: string, name: string, numbers: number[]): Template {
  return {
    id,
    name,
    size: 10,
    arch: 'arm64',
    lastPull: undefined,
    lastPush: undefined,
    raw: {},
    versions: numbers.map((number) => version(number, { tag: `tag-${number}` })),
  };
}

function setup(entries: RegistryEntry[], prefetchLimit = 0) {
  const clients: StubClient[] = [];
  const model = new RegistryTreeModel({
    createClient: () => {
      const client = new StubClient();
      clients.push(client);
      return client;
    },
    prefetchLimit,
  });
  model.setRegistries(entries);
  return { model, clients };
}

const entry = { name: 'local', url: 'http://127.0.0.1:1' };

describe('RegistryTreeModel', () => {
  it('lists templates by name in natural order', async () => {
    const { model } = setup([entry]);
    const [registry] = await model.getChildren();
    const templates = await model.getChildren(registry);
    assert.deepEqual(
      templates.map((node) => (node as TemplateNode).summary.name),
      ['Big Sur', 'sequoia 9', 'sequoia 10', 'sonoma'],
    );
  });

  it('orders tags by version number, newest first, and marks the newest', async () => {
    const { model } = setup([entry]);
    const [registry] = await model.getChildren();
    const templates = await model.getChildren(registry);
    const tags = (await model.getChildren(templates[1])) as TagNode[];
    assert.deepEqual(
      tags.map((tag) => tag.version.number),
      [3, 2, 1, 0],
    );
    assert.deepEqual(
      tags.map((tag) => tag.isNewest),
      [true, false, false, false],
    );
  });

  it('loads tags with one request per template, only when expanded', async () => {
    const { model, clients } = setup([entry]);
    const [registry] = await model.getChildren();
    const templates = await model.getChildren(registry);
    assert.ok(!clients[0]?.calls.some((call) => call.startsWith('detail')));
    await model.getChildren(templates[0]);
    await model.getChildren(templates[0]);
    assert.deepEqual(
      clients[0]?.calls.filter((call) => call.startsWith('detail')),
      ['detail:a-id'],
    );
  });

  it('shows an empty message for an empty template and an empty registry', async () => {
    const { model, clients } = setup([entry]);
    const [registry] = await model.getChildren();
    const templates = await model.getChildren(registry);
    const empty = await model.getChildren(templates[2]);
    assert.equal(empty[0]?.kind, 'message');
    (clients[0] as StubClient).templates = [];
    model.refresh(registry);
    const none = await model.getChildren(registry);
    assert.deepEqual(
      none.map((node) => node.kind),
      ['message'],
    );
  });

  it('turns a failed load into an error node and recovers on retry', async () => {
    const { model, clients } = setup([entry]);
    const [registry] = (await model.getChildren()) as TreeNode[];
    model.getState(registry as never);
    const client = clients[0] as StubClient;
    client.failList = true;
    const failed = await model.getChildren(registry);
    assert.equal(failed.length, 1);
    assert.equal(failed[0]?.kind, 'error');
    client.failList = false;
    model.refresh(failed[0]);
    const recovered = await model.getChildren(registry);
    assert.equal(recovered.length, 4);
  });

  it('keeps ids unique when the same registry is configured twice', async () => {
    const { model } = setup([entry, entry, { ...entry, name: 'other' }]);
    const registries = await model.getChildren();
    const ids = new Set(registries.map((node) => node.id));
    assert.equal(ids.size, 3);
    const first = await model.getChildren(registries[0]);
    const second = await model.getChildren(registries[1]);
    assert.notEqual(first[0]?.id, second[0]?.id);
  });

  it('keeps node objects and caches across calls until refreshed', async () => {
    const { model, clients } = setup([entry]);
    const [registry] = await model.getChildren();
    const once = await model.getChildren(registry);
    const twice = await model.getChildren(registry);
    assert.equal(once[0], twice[0]);
    assert.equal(clients[0]?.calls.filter((call) => call === 'list').length, 1);
    model.refresh(registry);
    const after = await model.getChildren(registry);
    assert.equal(after[0]?.id, once[0]?.id);
    assert.equal(clients[0]?.calls.filter((call) => call === 'list').length, 2);
  });

  it('prefetches details in the background and announces the updated rows', async () => {
    const { model, clients } = setup([entry], 10);
    const changed: TreeNode[] = [];
    model.onDidChange((nodes) => changed.push(...(nodes ?? [])));
    const [registry] = await model.getChildren();
    const templates = (await model.getChildren(registry)) as TemplateNode[];
    await new Promise((resolve) => setTimeout(resolve, 120));
    const details = clients[0]?.calls.filter((call) => call.startsWith('detail')) ?? [];
    assert.equal(details.length, 4);
    assert.ok(templates.every((node) => model.getLoadedTemplate(node) !== undefined));
    assert.ok(templates.every((node) => changed.includes(node)));
  });

  it('closes the client of a removed registry and reads health once', async () => {
    const { model, clients } = setup([entry]);
    const [registry] = await model.getChildren();
    model.ensureHealth(registry as never);
    model.ensureHealth(registry as never);
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(clients[0]?.calls.filter((call) => call === 'status').length, 1);
    assert.equal(model.getState(registry as never).health.state, 'ok');
    model.setRegistries([]);
    assert.ok(clients[0]?.calls.includes('close'));
  });
  it('re-announces a template row once its reloaded details arrive', async () => {
    const { model } = setup([entry]);
    const [registry] = await model.getChildren();
    const templates = (await model.getChildren(registry)) as TemplateNode[];
    const template = templates[0] as TemplateNode;
    await model.getChildren(template);
    model.refresh(template);
    await new Promise((resolve) => setTimeout(resolve, 80));
    const changed: TreeNode[] = [];
    model.onDidChange((nodes) => changed.push(...(nodes ?? [])));
    await model.getChildren(template);
    await new Promise((resolve) => setTimeout(resolve, 80));
    assert.ok(changed.includes(template), 'the row is refreshed with its details');
    assert.ok(model.getLoadedTemplate(template));
  });
});
