import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AnkaRegistryApi } from '../../src/extension';
import type { RegistryNode } from '../../src/tree/nodes';
import { startLocalRegistry, type LocalRegistry } from '../registry/server';
import { pemMarker, ROOT_TOKEN, usedSecrets } from './authFixtures';
import { configure, storedEntries, templatesUnder, type Entry } from './authHelpers';
import { activateExtension, setRegistries } from './helpers';
import { ScriptedUi } from './scriptedUi';

describe('Managing API keys in the extension host', () => {
  let api: AnkaRegistryApi;
  let registry: LocalRegistry;
  let ui: ScriptedUi;
  const root = (url: string): Entry => ({ name: 'Root', url, auth: 'rootToken' });

  before(async () => {
    registry = await startLocalRegistry({ rootToken: ROOT_TOKEN });
    api = await activateExtension();
    await api.secrets.replace(root(registry.url), { rootToken: ROOT_TOKEN });
  });

  after(async () => {
    await setRegistries([]);
    await registry.close();
  });

  beforeEach(async () => {
    registry.reset();
    ui = new ScriptedUi().install();
    await configure(api, [root(registry.url)]);
  });

  afterEach(() => ui.restore());

  it('creates a key whose generated private key signs a new registry entry in', async () => {
    ui.picks = ['Create API Key', 'Let the registry generate', 'Add a registry entry'];
    ui.inputs = ['suite-created', '30d', 'ci, qa', 'Root (suite-created)'];
    ui.buttons = ['Use for a Registry...'];
    await vscode.commands.executeCommand('ankaRegistry.manageApiKeys');
    const shown = ui.messages.find((message) => message.modal);
    assert.match(shown?.message ?? '', /"suite-created" was created\. Its private key is shown/);
    assert.match(shown?.detail ?? '', /^-----BEGIN RSA PRIVATE KEY-----/);
    usedSecrets.push(pemMarker(shown?.detail ?? ''));
    const added = storedEntries().find((stored) => stored.name === 'Root (suite-created)');
    assert.deepEqual(added, {
      name: 'Root (suite-created)',
      url: registry.url,
      auth: 'apiKey',
      apiKeyId: 'suite-created',
    });
    const secrets = await api.secrets.get(added as Entry);
    assert.equal(secrets.apiKeyPem?.trim(), shown?.detail.trim());
    const nodes = await configure(api, storedEntries());
    await templatesUnder(api, nodes[1] as RegistryNode);
  });

  it('changes the groups of a key and deletes it after a modal naming it', async () => {
    ui.picks = ['developer1', 'Change the groups'];
    ui.inputs = ['qa, release'];
    await vscode.commands.executeCommand('ankaRegistry.manageApiKeys');
    const keys = async () => (await fetch(`${registry.url}/v1/apikey`, {
      headers: { authorization: `Basic ${Buffer.from(`root:${ROOT_TOKEN}`).toString('base64')}` },
    }).then((response) => response.json())) as { body: Array<{ id: string; groups: string[] }> };
    const changed = (await keys()).body.find((key) => key.id === 'developer1');
    assert.deepEqual(changed?.groups, ['qa', 'release'], ui.transcript());

    ui.picks = ['developer1', 'Delete'];
    ui.buttons = ['Delete API Key'];
    await vscode.commands.executeCommand('ankaRegistry.manageApiKeys');
    const modal = ui.messages.find((message) => message.modal);
    assert.equal(modal?.message, 'Delete API key "developer1" from registry "Root"?');
    assert.match(modal?.detail ?? '', /Key: developer1\nGroups: qa, release\n/);
    assert.deepEqual(modal?.buttons, ['Delete API Key']);
    assert.deepEqual((await keys()).body.map((key) => key.id), ['ci-bot']);
  });

  it('says that managing keys needs the root token, offering "Sign In Again"', async () => {
    await configure(api, [{ name: 'Anonymous', url: registry.url }]);
    await vscode.commands.executeCommand('ankaRegistry.manageApiKeys');
    const error = ui.messages.find((message) => message.severity === 'error');
    assert.match(error?.message ?? '', /Could not list API keys on registry "Anonymous"/);
    assert.match(error?.message ?? '', /Managing API keys needs the registry's root token/);
    assert.deepEqual(error?.buttons, ['Sign In Again', 'Show Log']);
  });
});
