import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { addressOf, ConfigStore } from '../../src/details/configStore';
import { clientFor, RegistryGoneError } from '../../src/details/registryClients';
import { TemplateSource } from '../../src/details/templateSource';
import { RegistryClient, RegistryError, type Template } from '../../src/registry';
import type { RegistryNode, TemplateNode } from '../../src/tree/nodes';
import { RegistryTreeModel } from '../../src/tree/registryTreeModel';
import { sampleTemplates } from '../registry/seed';
import { AMBIGUOUS_ID, detailsTemplates } from '../registry/seedDetails';
import { startLocalRegistry, type LocalRegistry } from '../registry/server';

const SEQUOIA = '2db3814c-2913-42b9-ae42-c33f1e6124d4';
const MONTEREY = 'c12ccfa5-8757-411e-9505-128190e9854e';

let registry: LocalRegistry;
let model: RegistryTreeModel;
let entry: { name: string; url: string };

before(async () => {
  registry = await startLocalRegistry({ seed: [...sampleTemplates(), ...detailsTemplates()] });
  entry = { name: 'Local', url: registry.url };
});

after(async () => {
  model?.dispose();
  await registry.close();
});

beforeEach(() => {
  model?.dispose();
  model = new RegistryTreeModel({
    createClient: (configured) =>
      new RegistryClient({ name: configured.name, url: configured.url, timeoutMs: 5000 }),
    prefetchLimit: 0,
  });
  model.setRegistries([entry]);
  registry.clearFaults();
  registry.clearRequests();
});

function requests(path: string): Array<Record<string, string>> {
  const matching = registry.requests.filter((request) => request.path === path);
  return matching.map((request) => request.query);
}

async function templateNode(id: string): Promise<TemplateNode> {
  const root = model.getRegistries()[0] as RegistryNode;
  const children = await model.getChildren(root);
  const node = children.find((child) => child.kind === 'template' && child.summary.id === id);
  assert.ok(node?.kind === 'template', `template ${id} is listed`);
  return node;
}

async function template(id: string): Promise<Template> {
  return clientFor(model, entry).getTemplate(id);
}

describe('ConfigStore', () => {
  it('reads a config by tag once, however often it is asked for', async () => {
    const configs = new ConfigStore(model);
    const monterey = await template(MONTEREY);
    const address = addressOf(entry, monterey, monterey.versions[1]!);
    const [first, second] = await Promise.all([configs.get(address), configs.get(address)]);
    assert.equal(first, second);
    assert.equal(configs.peek(address), first);
    const expected = [{ id: MONTEREY, tag: 'vanilla+port-forward-22' }];
    assert.deepEqual(requests('/registry/vm/info'), expected);
    assert.equal(first.networkCards[0]?.portForwardingRules[0]?.guestPort, 22);
  });

  it('asks by version number when a tag name is used twice or is empty', async () => {
    const configs = new ConfigStore(model);
    const retagged = await template(AMBIGUOUS_ID);
    const cores = [];
    for (const version of retagged.versions) {
      cores.push((await configs.get(addressOf(entry, retagged, version))).cpuCores);
    }
    assert.deepEqual(cores, [2, 4, 8], 'each version gets its own config');
    assert.deepEqual(requests('/registry/vm/info').map((query) => query.version), ['0', '1', '2']);
  });

  it('reads again after the template is invalidated, and tells its listeners', async () => {
    const configs = new ConfigStore(model);
    const sequoia = await template(SEQUOIA);
    const address = addressOf(entry, sequoia, sequoia.versions[0]!);
    const heard: Array<[string | undefined, string | undefined]> = [];
    configs.onDidInvalidate((url, id) => heard.push([url, id]));
    await configs.get(address);
    configs.invalidate(registry.url, SEQUOIA);
    await configs.get(address);
    configs.invalidate(registry.url, MONTEREY);
    await configs.get(address);
    assert.equal(requests('/registry/vm/info').length, 2);
    assert.deepEqual(heard, [[registry.url, SEQUOIA], [registry.url, MONTEREY]]);
  });

  it('does not keep a failure, so that trying again reads again', async () => {
    const configs = new ConfigStore(model);
    const sequoia = await template(SEQUOIA);
    const address = addressOf(entry, sequoia, sequoia.versions[2]!);
    registry.setFaults([{ path: '/registry/vm/info', kind: 'html', status: 502, times: 1 }]);
    await assert.rejects(configs.get(address), (error: unknown) =>
      error instanceof RegistryError && /502/.test(error.message));
    const config = await configs.get(address);
    assert.equal(config.ram, '12G');
  });

  it('names the registry when it is no longer configured', async () => {
    const configs = new ConfigStore(model);
    const sequoia = await template(SEQUOIA);
    const gone = { name: 'Gone', url: 'http://127.0.0.1:9' };
    const address = addressOf(gone, sequoia, sequoia.versions[0]!);
    await assert.rejects(
      configs.get(address),
      (error: unknown) => error instanceof RegistryGoneError && /"Gone"/.test(error.message),
    );
  });
});

describe('TemplateSource', () => {
  it('uses the tree\'s template when the tree has loaded it', async () => {
    const node = await templateNode(SEQUOIA);
    await model.getChildren(node);
    registry.clearRequests();
    const source = new TemplateSource(model, entry, SEQUOIA);
    const loaded = await source.load();
    assert.equal(loaded, model.getLoadedTemplate(node));
    assert.equal(registry.requests.length, 0, 'no request');
    source.dispose();
  });

  it('reads the template itself when the tree has not listed it', async () => {
    const source = new TemplateSource(model, entry, SEQUOIA);
    const loaded = await source.load();
    assert.equal(loaded.name, 'sequoia');
    assert.deepEqual(registry.requests.map((request) => request.path), ['/registry/v2/vm']);
    assert.deepEqual(requests('/registry/v2/vm'), [{ id: SEQUOIA }]);
    assert.equal(await source.load(), loaded, 'and keeps it');
    source.dispose();
  });

  it('refreshes the tree\'s template and hears when the tree reloads it', async () => {
    const node = await templateNode(MONTEREY);
    await model.getChildren(node);
    const source = new TemplateSource(model, entry, MONTEREY);
    const before = await source.load();
    let heard = 0;
    source.onDidChange(() => heard++);
    source.invalidate();
    await new Promise((resolve) => setTimeout(resolve, 120));
    assert.equal(heard, 1);
    const after = await source.load();
    assert.notEqual(after, before);
    const tags = (template: Template) => template.versions.map((version) => version.tag);
    assert.deepEqual(tags(after), tags(before));
    source.dispose();
  });

  it('takes the disk usage from the tree unless a fresh one is asked for', async () => {
    const root = model.getRegistries()[0] as RegistryNode;
    model.ensureHealth(root);
    const source = new TemplateSource(model, entry, SEQUOIA);
    await new Promise((resolve) => setTimeout(resolve, 150));
    registry.clearRequests();
    const disk = await source.disk(false);
    assert.equal(registry.requests.length, 0);
    const fresh = await source.disk(true);
    assert.deepEqual(fresh, disk);
    assert.deepEqual(registry.requests.map((request) => request.path), ['/registry/disk']);
    source.dispose();
  });

  it('fails with the registry\'s reason, or says that the registry is gone', async () => {
    registry.setFaults([{ path: '/registry/v2/vm', kind: 'envelope', message: 'boom' }]);
    await assert.rejects(new TemplateSource(model, entry, SEQUOIA).load(), /boom/);
    const gone = new TemplateSource(model, { name: 'Gone', url: 'http://127.0.0.1:9' }, SEQUOIA);
    await assert.rejects(gone.load(), RegistryGoneError);
  });
});
