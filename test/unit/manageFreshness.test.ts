import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { deleteTemplate } from '../../src/commands/deleteTemplate';
import { revert } from '../../src/commands/revert';
import { setArch } from '../../src/commands/setArch';
import { RegistryClient } from '../../src/registry';
import type { TemplateNode } from '../../src/tree/nodes';
import { deniedTokens, withDeniedTokens } from '../../src/tree/permissions';
import { RecentChanges } from '../../src/tree/recentChanges';
import { RegistryTreeModel } from '../../src/tree/registryTreeModel';
import { startLocalRegistry, type LocalRegistry } from '../registry/server';
import {
  harness, ODD_ID, oddSeed, PLAIN_ID, registryNode, tagNode, tagNodes, templateNode,
  type Harness,
} from './manageFixtures';

describe('RecentChanges', () => {
  it('hides a removed template while the list still names it', () => {
    const recent = new RecentChanges();
    recent.markRemoved('a');
    assert.deepEqual(recent.visible([{ id: 'a' }, { id: 'b' }]), [{ id: 'b' }]);
    assert.deepEqual(recent.visible([{ id: 'a' }]), []);
  });

  it('forgets a removal once a list without it arrives, so a new push shows', () => {
    const recent = new RecentChanges();
    recent.markRemoved('a');
    assert.deepEqual(recent.visible([{ id: 'b' }]), [{ id: 'b' }]);
    assert.deepEqual(recent.visible([{ id: 'a' }]), [{ id: 'a' }]);
  });

  it('forgets a removal after its maximum age', () => {
    let now = 1000;
    const recent = new RecentChanges(60_000, () => now);
    recent.markRemoved('a');
    now += 59_000;
    assert.equal(recent.isRemoved('a'), true);
    now += 2000;
    assert.equal(recent.isRemoved('a'), false);
  });
});

describe('denied permission tokens', () => {
  it('appends a token per refused permission to the context value', () => {
    const denied = new Set(['set_arch', 'delete_revert'] as const);
    const item = withDeniedTokens({ contextValue: 'tag newest' }, denied);
    assert.equal(item.contextValue, 'tag newest deny-delete_revert deny-set_arch');
    assert.deepEqual(deniedTokens(new Set()), []);
    const plain = withDeniedTokens({ contextValue: 'template' }, new Set());
    assert.equal(plain.contextValue, 'template');
  });
});

describe('the tree after a change, with the registry caching its list', () => {
  let registry: LocalRegistry;
  let h: Harness;
  let raw: RegistryClient;

  before(async () => {
    registry = await startLocalRegistry({ seed: oddSeed(), listCacheTtlMs: 60_000 });
    raw = new RegistryClient({ name: 'raw', url: registry.url, timeoutMs: 5000 });
  });

  after(async () => {
    h?.model.dispose();
    await raw.close();
    await registry.close();
  });

  beforeEach(() => {
    registry.reset();
    registry.clearFaults();
    h?.model.dispose();
    h = harness([{ name: 'Local', url: registry.url }]);
  });

  async function templateNames(): Promise<string[]> {
    const children = await h.model.getChildren(await registryNode(h.model));
    return children.map((node) => (node.kind === 'template' ? node.summary.name : node.kind));
  }

  it('never shows a deleted template that the cached list still names', async () => {
    await deleteTemplate(h.context, await templateNode(h.model, 'plain'));
    const listed = (await raw.listTemplates()).map((summary) => summary.id);
    assert.ok(listed.includes(PLAIN_ID), 'the registry list is stale, as a real one is');
    assert.deepEqual(await templateNames(), ['xcode 16 beta']);
  });

  it('shows the remaining tags of a reverted template and the new arch', async () => {
    await tagNodes(h.model, 'xcode 16 beta');
    await revert(h.context, await tagNode(h.model, 'xcode 16 beta', 'brew+git'));
    const tags = await tagNodes(h.model, 'xcode 16 beta');
    assert.deepEqual(tags.map((tag) => tag.version.tag), ['base']);

    h.ui.answers = ['amd64'];
    await setArch(h.context, await templateNode(h.model, 'xcode 16 beta'));
    const node = await templateNode(h.model, 'xcode 16 beta');
    await h.model.getChildren(node);
    assert.equal(h.model.getLoadedTemplate(node as TemplateNode)?.arch, 'amd64');
    assert.ok(registry.template(ODD_ID));
  });

  it('hides a template removed by reverting its first version', async () => {
    await revert(h.context, await tagNode(h.model, 'xcode 16 beta', 'base'));
    assert.deepEqual(await templateNames(), ['plain']);
  });
});

describe('announcing a registry row while its templates load', () => {
  it('waits for the template list, so VS Code never loads the children twice', async () => {
    const events: string[] = [];
    let releaseList: () => void = () => undefined;
    const listed = new Promise<void>((resolve) => {
      releaseList = resolve;
    });
    const client = {
      getStatus: async () => ({ state: 'Running', version: '1', raw: {} }),
      getDisk: async () => ({ free: 1, total: 2, used: 1 }),
      listTemplates: async () => {
        await listed;
        events.push('list');
        return [];
      },
      getTemplate: async () => {
        throw new Error('unused');
      },
      revert: async () => undefined,
      deleteTemplate: async () => undefined,
      setArch: async () => undefined,
      close: async () => undefined,
    };
    const model = new RegistryTreeModel({ createClient: () => client });
    model.setRegistries([{ name: 'slow', url: 'http://127.0.0.1:1' }]);
    model.onDidChange((nodes) => nodes?.forEach((node) => events.push(`change ${node.kind}`)));
    const [registry] = await model.getChildren();
    const children = model.getChildren(registry);
    await new Promise((resolve) => setTimeout(resolve, 120));
    assert.deepEqual(events, [], 'no change while the list is pending');
    releaseList();
    await children;
    await new Promise((resolve) => setTimeout(resolve, 120));
    assert.deepEqual(events, ['list', 'change registry']);
    model.dispose();
  });
});
