import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AnkaRegistryApi } from '../../src/extension';
import { privateKeyToPem } from '../../src/registry/auth';
import type { RegistryNode } from '../../src/tree/nodes';
import { startLocalRegistry, type LocalRegistry } from '../registry/server';
import { pemMarker, ROOT_TOKEN, usedSecrets, WRONG_TOKEN } from './authFixtures';
import {
  configure, createKeyAsRoot, errorUnder, inlineActions, rootHeader, storedEntries, templatesUnder,
} from './authHelpers';
import { activateExtension, setRegistries } from './helpers';
import { ScriptedUi } from './scriptedUi';

describe('Signing in to registries in the extension host', () => {
  let api: AnkaRegistryApi;
  let registry: LocalRegistry;
  let ui: ScriptedUi;

  before(async () => {
    registry = await startLocalRegistry({ rootToken: ROOT_TOKEN });
    api = await activateExtension();
    // Request lines are logged at debug: the log check must see everything.
    await vscode.commands.executeCommand('_extensionTests.setLogLevel', 'trace');
  });

  after(async () => {
    await setRegistries([]);
    await registry.close();
  });

  beforeEach(() => {
    ui = new ScriptedUi().install();
  });

  afterEach(() => ui.restore());

  it('lists a root-token registry with the token from SecretStorage', async () => {
    const entry = { name: 'Protected', url: registry.url, auth: 'rootToken' };
    await api.secrets.replace(entry, { rootToken: ROOT_TOKEN });
    const [node] = (await configure(api, [entry])) as [RegistryNode];
    await templatesUnder(api, node);
    assert.ok(registry.requests.some((request) => request.headers.authorization === rootHeader()));
  });

  it('shows a 401 row with "Sign In Again", and signs in from it', async () => {
    const entry = { name: 'Refused', url: registry.url, auth: 'rootToken' };
    await api.secrets.replace(entry, { rootToken: WRONG_TOKEN });
    const [node] = (await configure(api, [entry])) as [RegistryNode];
    const error = await errorUnder(api, node);
    const item = api.provider.getTreeItem(error);
    assert.equal(item.contextValue, 'error unauthorized');
    assert.match(String(item.description), /HTTP 401 Unauthorized: Authentication Required; /);
    assert.match(String(item.description), /the stored root token was refused/);
    assert.match((item.tooltip as vscode.MarkdownString).value, /Sign In Again/);
    assert.ok(!String(item.description).includes(WRONG_TOKEN));
    assert.deepEqual(inlineActions(item.contextValue ?? ''), [
      'ankaRegistry.retry',
      'ankaRegistry.showLog',
      'ankaRegistry.signInAgain',
    ]);

    ui.inputs = [ROOT_TOKEN];
    await vscode.commands.executeCommand('ankaRegistry.signInAgain', error);
    const problems = ui.messages.filter((message) => message.severity !== 'info');
    assert.deepEqual(problems, [], ui.transcript());
    await templatesUnder(api, (await api.provider.getChildren())[0] as RegistryNode);
    assert.equal((await api.secrets.get(entry)).rootToken, ROOT_TOKEN);
  });

  it('adds a registry that answers 401 through "Add Registry..." with a root token', async () => {
    await configure(api, []);
    ui.inputs = [registry.url, ROOT_TOKEN, 'Added With Token'];
    ui.buttons = ['Root Token...'];
    await vscode.commands.executeCommand('ankaRegistry.addRegistry');
    const offer = ui.messages.find((message) => message.modal);
    const offered = ['Root Token...', 'API Key...', 'Add Anyway'];
    assert.deepEqual(offer?.buttons, offered, ui.transcript());
    assert.match(offer?.detail ?? '', /Authentication Required/);
    const stored = storedEntries();
    assert.deepEqual(stored, [{ name: 'Added With Token', url: registry.url, auth: 'rootToken' }]);
    const [node] = (await configure(api, stored)) as [RegistryNode];
    await templatesUnder(api, node);
  });

  it('signs in with an API key and shakes hands again when its session expires', async () => {
    const generated = await createKeyAsRoot(registry.url, 'suite-runner');
    const pem = privateKeyToPem(generated);
    usedSecrets.push(pemMarker(pem), generated.slice(100, 160));
    const entry = { name: 'With Key', url: registry.url, auth: 'apiKey', apiKeyId: 'suite-runner' };
    await api.secrets.replace(entry, { apiKeyPem: pem });
    const [node] = (await configure(api, [entry])) as [RegistryNode];
    await templatesUnder(api, node);
    registry.expireSessions();
    registry.clearRequests();
    api.model.refresh(node);
    await templatesUnder(api, node);
    const paths = registry.requests.map((request) => request.path);
    assert.ok(paths.includes('/tap/v1/shake'), paths.join(', '));
  });

  it('changes the sign-in of a registry with "Edit Registry..."', async () => {
    const entry = { name: 'Editable', url: registry.url };
    const [node] = (await configure(api, [entry])) as [RegistryNode];
    await errorUnder(api, node);
    ui.picks = ['Sign-in', 'Root token'];
    ui.inputs = [ROOT_TOKEN];
    await vscode.commands.executeCommand('ankaRegistry.editRegistry', node);
    assert.deepEqual(storedEntries(), [{ ...entry, auth: 'rootToken' }], ui.transcript());
    assert.equal((await api.secrets.get(entry)).rootToken, ROOT_TOKEN);
    const [edited] = (await configure(api, storedEntries())) as [RegistryNode];
    await templatesUnder(api, edited);
  });

  it('moves the stored secrets along when "Edit Registry..." renames a registry', async () => {
    const entry = { name: 'Old Name', url: registry.url, auth: 'rootToken' };
    await api.secrets.replace(entry, { rootToken: ROOT_TOKEN });
    const [node] = (await configure(api, [entry])) as [RegistryNode];
    ui.picks = ['Name'];
    ui.inputs = ['New Name'];
    await vscode.commands.executeCommand('ankaRegistry.editRegistry', node);
    const renamed = { ...entry, name: 'New Name' };
    assert.deepEqual(storedEntries(), [renamed], ui.transcript());
    assert.equal((await api.secrets.get(renamed)).rootToken, ROOT_TOKEN);
    assert.deepEqual(await api.secrets.get(entry), {});
    const [current] = (await configure(api, [renamed])) as [RegistryNode];
    await templatesUnder(api, current);
  });
});
