import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AnkaRegistryApi } from '../../src/extension';
import type { RegistryNode } from '../../src/tree/nodes';
import { startLocalProxy, type LocalProxy } from '../registry/proxy';
import { startLocalRegistry, type LocalRegistry } from '../registry/server';
import { configure, errorUnder, templatesUnder } from './authHelpers';
import { activateExtension, setRegistries } from './helpers';

describe('VS Code\'s proxy settings in the extension host', () => {
  let api: AnkaRegistryApi;
  let registry: LocalRegistry;
  let proxy: LocalProxy;
  const http = () => vscode.workspace.getConfiguration('http');

  before(async () => {
    registry = await startLocalRegistry();
    proxy = await startLocalProxy();
    api = await activateExtension();
    await http().update('proxy', proxy.url, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await http().update('proxy', undefined, vscode.ConfigurationTarget.Global);
    await setRegistries([]);
    await Promise.all([registry.close(), proxy.close()]);
  });

  beforeEach(() => {
    proxy.requests.length = 0;
  });

  it('leave a loopback registry out of the proxy', async () => {
    const entries = [{ name: 'Loopback', url: registry.url }];
    const [node] = (await configure(api, entries)) as [RegistryNode];
    await templatesUnder(api, node);
    assert.deepEqual(proxy.requests, []);
  });

  it('send other registries through "http.proxy"', async () => {
    // Only the proxy knows this name: it sends every request to 127.0.0.1. (http.noProxy is
    // checked by the unit tests: a direct request would ask DNS for the name.)
    const url = `http://anka.registry.test:${registry.port}`;
    const [node] = (await configure(api, [{ name: 'Remote', url }])) as [RegistryNode];
    await templatesUnder(api, node);
    const target = `anka.registry.test:${registry.port}`;
    assert.ok(proxy.requests.some((request) => request.target === target), 'went through it');
  });

  it('apply a changed "http.proxy" without a reload, naming a proxy that is down', async () => {
    const down = await startLocalProxy();
    await down.close();
    await http().update('proxy', down.url, vscode.ConfigurationTarget.Global);
    try {
      const url = `http://anka.registry.test:${registry.port}`;
      const [node] = (await configure(api, [{ name: 'Via Dead Proxy', url }])) as [RegistryNode];
      const description = String(api.provider.getTreeItem(await errorUnder(api, node)).description);
      const named = `refused by the proxy ${down.url.replace(/\./g, '\\.')}`;
      assert.match(description, new RegExp(named));
    } finally {
      await http().update('proxy', proxy.url, vscode.ConfigurationTarget.Global);
    }
  });
});
