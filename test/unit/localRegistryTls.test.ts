// The local registry over https: server certificates, client certificates, and the test proxy.
import assert from 'node:assert/strict';
import { request } from 'node:https';
import { after, before, describe, it } from 'node:test';
import { createTestPki, type TestPki } from '../registry/pki';
import { startLocalProxy } from '../registry/proxy';
import { startLocalRegistry, type LocalRegistry } from '../registry/server';

let pki: TestPki;

before(async () => {
  pki = await createTestPki();
});

after(() => pki.dispose());

interface Answer {
  status: number;
  body: string;
}

function get(url: string, options: { ca?: string; cert?: string; key?: string } = {}) {
  return new Promise<Answer>((resolve, reject) => {
    const req = request(url, { ...options, agent: false }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('local registry over https', () => {
  let optional: LocalRegistry;
  let required: LocalRegistry;

  before(async () => {
    const server = { cert: pki.server.cert, key: pki.server.key, clientCa: pki.ca.cert };
    optional = await startLocalRegistry({ tls: { ...server, clientCertificates: 'optional' } });
    required = await startLocalRegistry({ tls: { ...server, clientCertificates: 'required' } });
  });

  after(() => Promise.all([optional.close(), required.close()]));

  const client = () => ({ ca: pki.ca.cert, cert: pki.client.cert, key: pki.client.key });

  it('serves https with a certificate from the test CA, for 127.0.0.1', async () => {
    assert.match(optional.url, /^https:\/\/127\.0\.0\.1:\d+$/);
    const status = await get(`${optional.url}/registry/status`, { ca: pki.ca.cert });
    assert.equal(status.status, 200);
  });

  it('signs a valid client certificate in as a user, but not as root', async () => {
    assert.equal((await get(`${optional.url}/registry/v2/vm`, client())).status, 200);
    assert.equal((await get(`${optional.url}/v1/apikey`, client())).status, 401);
    const anonymous = await get(`${optional.url}/registry/v2/vm`, { ca: pki.ca.cert });
    assert.equal(anonymous.status, 401);
  });

  it('closes the connection for a certificate from another CA', async () => {
    const rogue = { ca: pki.ca.cert, cert: pki.rogueClient.cert, key: pki.rogueClient.key };
    await assert.rejects(get(`${optional.url}/registry/v2/vm`, rogue));
  });

  it('answers nothing without a certificate when one is required', async () => {
    await assert.rejects(get(`${required.url}/registry/status`, { ca: pki.ca.cert }));
    assert.equal((await get(`${required.url}/registry/status`, client())).status, 200);
  });
});

describe('test proxy', () => {
  it('forwards CONNECT tunnels to 127.0.0.1 whatever the host name, and records them', async () => {
    const tls = { cert: pki.server.cert, key: pki.server.key };
    const registry = await startLocalRegistry({ tls });
    const proxy = await startLocalProxy();
    try {
      const { request: undiciRequest, ProxyAgent } = await import('undici');
      const dispatcher = new ProxyAgent({ uri: proxy.url, requestTls: { ca: pki.ca.cert } });
      const url = `https://anka.registry.test:${registry.port}/registry/status`;
      const response = await undiciRequest(url, { dispatcher });
      assert.equal(response.statusCode, 200);
      await response.body.text();
      assert.deepEqual(proxy.requests, [
        { method: 'CONNECT', target: `anka.registry.test:${registry.port}` },
      ]);
      await dispatcher.close();
    } finally {
      await Promise.all([registry.close(), proxy.close()]);
    }
  });
});
