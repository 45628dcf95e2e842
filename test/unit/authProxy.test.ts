// Proxies: VS Code's http.proxy and the *_PROXY variables, no_proxy, and loopback bypassing.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { chooseProxy, matchesNoProxy } from '../../src/registry/auth';
import { startLocalProxy, type LocalProxy } from '../registry/proxy';
import { startLocalRegistry, type LocalRegistry } from '../registry/server';
import { authClient, LogRecorder, NO_PROXY_CONFIG, rejection } from './authHelpers';

const TOKEN = 'proxy-root-token';
let registry: LocalRegistry;
let proxy: LocalProxy;
const log = new LogRecorder();

before(async () => {
  registry = await startLocalRegistry({ rootToken: TOKEN });
  proxy = await startLocalProxy();
});

after(async () => {
  await Promise.all([registry.close(), proxy.close()]);
  assert.ok(!log.lines.some((line) => line.includes(TOKEN)), 'the token was logged');
});

beforeEach(() => {
  proxy.requests.length = 0;
});

/** The registry under a name that is not loopback; only the proxy knows where it is. */
function remoteUrl(): string {
  return `http://anka.registry.test:${registry.port}`;
}

const rootToken = { settings: { auth: 'rootToken' as const }, secrets: { rootToken: TOKEN } };

describe('a configured proxy', () => {
  it('is bypassed for a loopback registry', async () => {
    const { client } = authClient(registry.url, { ...rootToken, proxy: { proxy: proxy.url }, log });
    assert.ok((await client.listTemplates()).length > 0);
    assert.deepEqual(proxy.requests, []);
    assert.ok(
      log.lines.some((line) => /connecting directly \(127\.0\.0\.1 is a loopback/.test(line)),
    );
    await client.close();
  });

  it('carries requests to other hosts, credentials included', async () => {
    const { client } = authClient(remoteUrl(), { ...rootToken, proxy: { proxy: proxy.url }, log });
    assert.ok((await client.listTemplates()).length > 0);
    assert.deepEqual(
      proxy.requests[0],
      { method: 'GET', target: `anka.registry.test:${registry.port}` },
    );
    assert.ok(registry.requests.at(-1)?.headers.authorization?.startsWith('Basic '));
    await client.close();
  });

  it('comes from HTTP_PROXY when http.proxy is empty, and no_proxy turns it off', async () => {
    const env = { HTTP_PROXY: proxy.url };
    const viaEnv = authClient(remoteUrl(), { ...rootToken, proxy: { env }, log });
    await viaEnv.client.listTemplates();
    assert.equal(proxy.requests.length, 1);
    // Checked without a request: a direct request would ask DNS for the test host name.
    const excluded = chooseProxy(remoteUrl(), {
      ...NO_PROXY_CONFIG,
      env: { ...env, no_proxy: 'localhost,.registry.test' },
    });
    assert.deepEqual(excluded, {
      kind: 'direct',
      why: 'anka.registry.test matches the no_proxy entry ".registry.test"',
    });
    await viaEnv.client.close();
  });

  it('is named when it refuses connections', async () => {
    const dead = await startLocalProxy();
    await dead.close();
    const { client } = authClient(remoteUrl(), { ...rootToken, proxy: { proxy: dead.url }, log });
    const error = await rejection(client.listTemplates());
    assert.equal(error.kind, 'connectionRefused');
    assert.match(
      error.reason,
      new RegExp(`refused by the proxy ${dead.url.replace(/[.]/g, '\\.')}`),
    );
    await client.close();
  });

  it('is named when it wants credentials, which never show', async () => {
    const strict = await startLocalProxy({ credentials: 'user:proxy-pass' });
    const https = `https://anka.registry.test:${registry.port}`;
    for (const url of [remoteUrl(), https]) {
      const { client } = authClient(url, { ...rootToken, proxy: { proxy: strict.url }, log });
      const error = await rejection(client.listTemplates());
      assert.match(
        error.reason,
        /the proxy http:\/\/127\.0\.0\.1:\d+ wants credentials \(HTTP 407\)/,
      );
      await client.close();
    }
    const header = `Basic ${Buffer.from('user:proxy-pass').toString('base64')}`;
    const viaSetting = authClient(remoteUrl(), {
      ...rootToken,
      proxy: { proxy: strict.url, authorization: header },
      log,
    });
    assert.ok((await viaSetting.client.listTemplates()).length > 0, 'http.proxyAuthorization');
    await viaSetting.client.close();
    const withCredentials = `http://user:proxy-pass@127.0.0.1:${strict.port}`;
    const proxied = { ...rootToken, proxy: { proxy: withCredentials }, log };
    const { client } = authClient(remoteUrl(), proxied);
    assert.ok((await client.listTemplates()).length > 0);
    assert.ok(
      !log.lines.some((line) => line.includes('proxy-pass')),
      'the proxy password was logged',
    );
    await Promise.all([client.close(), strict.close()]);
  });

  it('is named when it cannot reach an https registry', async () => {
    const failing = await startLocalProxy({ failWith: 502 });
    const https = `https://anka.registry.test:${registry.port}`;
    const { client } = authClient(https, { ...rootToken, proxy: { proxy: failing.url }, log });
    const error = await rejection(client.listTemplates());
    assert.match(
      error.reason,
      /the proxy http:\/\/127\.0\.0\.1:\d+ could not connect to anka\.registry\.test:\d+/,
    );
    assert.match(error.reason, /\(HTTP 502\); add the host to "http\.noProxy"/);
    await Promise.all([client.close(), failing.close()]);
  });
});

describe('chooseProxy', () => {
  const config = { ...NO_PROXY_CONFIG, proxy: 'proxy.corp:3128' };

  it('adds http:// to a proxy without a scheme and prefers http.proxy', () => {
    const env = { HTTPS_PROXY: 'http://other:1' };
    const choice = chooseProxy('https://anka.corp:8089', { ...config, env });
    assert.deepEqual(
      choice,
      { kind: 'proxy', url: 'http://proxy.corp:3128', display: 'http://proxy.corp:3128' },
    );
  });

  it('never proxies loopback hosts', () => {
    const loopback = [
      'http://localhost:8089',
      'http://127.0.0.5:1',
      'http://[::1]:8089',
      'http://a.localhost',
    ];
    for (const url of loopback) {
      assert.equal(chooseProxy(url, config).kind, 'direct', url);
    }
  });

  it('reads HTTPS_PROXY for https and HTTP_PROXY for http, lower case first', () => {
    const env = {
      HTTPS_PROXY: 'http://upper:1',
      https_proxy: 'http://lower:2',
      HTTP_PROXY: 'http://plain:3',
    };
    const base = { ...NO_PROXY_CONFIG, env };
    assert.equal((chooseProxy('https://r.corp', base) as { url: string }).url, 'http://lower:2');
    assert.equal((chooseProxy('http://r.corp', base) as { url: string }).url, 'http://plain:3');
  });

  it('turns off with http.proxySupport off', () => {
    assert.deepEqual(
      chooseProxy('http://r.corp', { ...config, enabled: false }),
      { kind: 'direct', why: 'proxies are off' },
    );
  });

  it('hides proxy credentials in what it shows', () => {
    const proxy = 'http://me:secret@proxy.corp:8080';
    const choice = chooseProxy('http://r.corp', { ...config, proxy });
    assert.equal(choice.kind === 'proxy' && choice.display, 'http://proxy.corp:8080');
  });
});

describe('matchesNoProxy', () => {
  const cases: Array<[string, string, string, boolean]> = [
    ['*', 'anything', '80', true],
    ['anka.corp', 'anka.corp', '80', true],
    ['corp', 'anka.corp', '80', true],
    ['.corp', 'anka.corp', '80', true],
    ['*.corp', 'anka.corp', '80', true],
    ['.corp', 'anka.corporate', '80', false],
    ['anka.corp:8089', 'anka.corp', '8089', true],
    ['anka.corp:8089', 'anka.corp', '80', false],
    ['10.0.0.0/8', '10.1.2.3', '80', true],
    ['10.0.0.0/8', '11.1.2.3', '80', false],
    ['[::1]', '::1', '80', true],
  ];
  for (const [entry, host, port, expected] of cases) {
    it(`${entry} ${expected ? 'matches' : 'does not match'} ${host}:${port}`, () => {
      assert.equal(matchesNoProxy(entry, host, port), expected);
    });
  }
});
