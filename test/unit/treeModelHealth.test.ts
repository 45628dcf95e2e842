// The status bar's periodic check: recheckHealth reads status and disk again and nothing else.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RegistryError, type RegistryStatus, type TemplateSummary } from '../../src/registry';
import type { RegistryNode, TreeNode } from '../../src/tree/nodes';
import { RegistryTreeModel } from '../../src/tree/registryTreeModel';
import type { TreeClient } from '../../src/tree/registryState';

/** Answers status, disk and the list; `down` makes status fail; counts every call. */
class HealthClient implements Partial<TreeClient> {
  calls: string[] = [];
  down = false;
  pending: Array<() => void> = [];
  hold = false;

  async getStatus(): Promise<RegistryStatus> {
    this.calls.push('status');
    if (this.hold) {
      await new Promise<void>((resolve) => this.pending.push(resolve));
    }
    if (this.down) {
      throw new RegistryError({
        kind: 'connectionRefused', operation: 'read the registry status', registryName: 'r',
        registryUrl: 'http://r', reason: 'refused',
      });
    }
    return { state: 'Running', version: '1.13.0', raw: {} };
  }

  async getDisk() {
    this.calls.push('disk');
    return { free: 1, total: 2, used: 1 };
  }

  async listTemplates(): Promise<TemplateSummary[]> {
    this.calls.push('list');
    return [{ id: 'a', name: 'a', size: 1, raw: {} }];
  }

  async close(): Promise<void> {}
}

function setUp() {
  const client = new HealthClient();
  const model = new RegistryTreeModel({
    createClient: () => client as unknown as TreeClient,
    prefetchLimit: 0,
  });
  model.setRegistries([{ name: 'r', url: 'http://r' }]);
  const registry = model.getRegistries()[0] as RegistryNode;
  const changes: Array<TreeNode[] | undefined> = [];
  model.onDidChange((nodes) => changes.push(nodes));
  return { client, model, registry, changes };
}

function nextChange(model: RegistryTreeModel): Promise<TreeNode[] | undefined> {
  return new Promise((resolve) => {
    const subscription = model.onDidChange((nodes) => {
      subscription.dispose();
      resolve(nodes);
    });
  });
}

describe('re-checking a registry\'s health', () => {
  it('reads status and disk again, keeps the templates and announces the registry', async () => {
    const { client, model, registry } = setUp();
    await model.getChildren(registry);
    await nextChange(model);
    assert.equal(model.getState(registry).health.state, 'ok');
    client.calls = [];
    client.down = true;

    model.recheckHealth(registry);
    assert.equal(model.getState(registry).health.state, 'ok', 'the old reading stays meanwhile');
    assert.deepEqual(await nextChange(model), [registry]);

    assert.equal(model.getState(registry).health.state, 'failed');
    assert.deepEqual(client.calls.sort(), ['disk', 'status']);
    await model.getChildren(registry);
    assert.ok(!client.calls.includes('list'), 'the template list stays cached');
    model.dispose();
  });

  it('sends one check at a time, and a first check like ensureHealth', async () => {
    const { client, model, registry } = setUp();
    client.hold = true;
    model.recheckHealth(registry);
    assert.equal(model.getState(registry).health.state, 'loading');
    client.pending.splice(0).forEach((resolve) => resolve());
    await nextChange(model);
    client.calls = [];

    model.recheckHealth(registry);
    model.recheckHealth(registry);
    assert.deepEqual(client.calls, ['status', 'disk']);
    client.pending.splice(0).forEach((resolve) => resolve());
    await nextChange(model);
    model.dispose();
  });
});
