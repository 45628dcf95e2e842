// Root token, user API keys and the TAP handshake of the local registry.
import assert from 'node:assert/strict';
import {
  constants,
  createPrivateKey,
  generateKeyPairSync,
  privateDecrypt,
  type KeyObject,
} from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startLocalRegistry, type LocalRegistry } from '../registry/server';
import {
  basicAuth,
  fetchEnvelope,
  fetchText,
  jsonInit,
  okBody,
  type EnvelopeAnswer,
} from './localRegistryClient';

const TOKEN = 'root-secret-1111';
const ROOT = basicAuth(TOKEN);

interface KeyView {
  id: string;
  groups: string[];
  expiration: string;
  created: string;
}

describe('local registry: root token', () => {
  let registry: LocalRegistry;
  before(async () => {
    registry = await startLocalRegistry({ rootToken: TOKEN });
  });
  after(() => registry.close());

  it('leaves status, health and the handshake open', async () => {
    for (const path of ['/registry/status', '/livez', '/readyz']) {
      assert.equal((await fetchText(`${registry.url}${path}`)).httpStatus, 200, path);
    }
    const hand = await fetchEnvelope(`${registry.url}/tap/v1/hand`, jsonInit('POST', {}));
    assert.equal(hand.httpStatus, 200);
  });

  it('answers 401 Authentication Required without or with wrong credentials', async () => {
    const wrong = basicAuth('nope');
    for (const headers of [{}, wrong, { Authorization: 'Bearer e30=' }]) {
      for (const path of ['/registry/v2/vm', '/registry/disk', '/v1/apikey']) {
        const answer = await fetchEnvelope(`${registry.url}${path}`, { headers });
        assert.equal(answer.httpStatus, 401, path);
        assert.deepEqual(answer.envelope, { status: 'FAIL', message: 'Authentication Required' });
      }
    }
  });

  it('lets root in everywhere', async () => {
    for (const path of ['/registry/v2/vm', '/registry/vm', '/registry/disk', '/v1/apikey']) {
      const answer = await fetchEnvelope(`${registry.url}${path}`, { headers: ROOT });
      assert.equal(answer.envelope.status, 'OK', path);
    }
  });
});

describe('local registry: API keys', () => {
  let registry: LocalRegistry;
  before(async () => {
    registry = await startLocalRegistry({ rootToken: TOKEN });
  });
  beforeEach(() => registry.reset());
  after(() => registry.close());

  const keys = (init: RequestInit = {}, query = '') =>
    fetchEnvelope(`${registry.url}/v1/apikey${query}`, {
      ...init,
      headers: { ...ROOT, ...(init.headers as Record<string, string> | undefined) },
    });

  it('lists the seeded keys with RFC 3339 dates, or one by id', async () => {
    const all = await keys();
    assert.deepEqual(Object.keys(all.envelope), ['status', 'message', 'body']);
    const list = all.envelope.body as KeyView[];
    assert.deepEqual(list.map((k) => k.id), ['ci-bot', 'developer1']);
    for (const key of list) {
      assert.deepEqual(Object.keys(key), ['id', 'groups', 'expiration', 'created']);
      assert.ok(Date.parse(key.expiration) > Date.parse(key.created));
      assert.match(key.created, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
    }
    const one = await keys({}, '?id=developer1');
    assert.deepEqual((one.envelope.body as KeyView[]).map((k) => k.id), ['developer1']);
    assert.equal((await keys({}, '?id=nope')).envelope.status, 'FAIL');
  });

  it('creates a key and hands back its private key once, as PKCS#1 DER', async () => {
    const created = await keys(jsonInit('POST', { id: 'nathan', ttl: 86400, groups: ['g1'] }));
    assert.equal(created.envelope.status, 'OK');
    const der = Buffer.from(created.envelope.body as string, 'base64');
    const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs1' });
    assert.equal(privateKey.asymmetricKeyDetails?.modulusLength, 2048);
    const [view] = (await keys({}, '?id=nathan')).envelope.body as KeyView[];
    assert.deepEqual(view?.groups, ['g1']);
    const lifetime = Date.parse(view?.expiration ?? '') - Date.parse(view?.created ?? '');
    assert.equal(lifetime, 86400 * 1000);
    const again = await keys(jsonInit('POST', { id: 'nathan', ttl: 60, groups: [] }));
    assert.equal(again.envelope.status, 'FAIL');
  });

  it('stores a given public key and answers body null', async () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const spki = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    const body = { id: 'own', ttl: 60, groups: ['g'], publicKey: spki };
    const created = await keys(jsonInit('POST', body));
    assert.deepEqual(created.envelope, { status: 'OK', message: '', body: null });
    const broken = await keys(jsonInit('POST', { ...body, id: 'bad', publicKey: 'AAAA' }));
    assert.equal(broken.envelope.status, 'FAIL');
  });

  it('refuses a key without ttl or groups', async () => {
    const incomplete = [{ id: 'a', groups: [] }, { id: 'a', ttl: 10 }, { ttl: 10, groups: [] }];
    for (const body of incomplete) {
      assert.equal((await keys(jsonInit('POST', body))).envelope.status, 'FAIL');
    }
  });

  it('updates groups and ttl, answering without a body key', async () => {
    const answer = await keys(jsonInit('PUT', { id: 'developer1', groups: ['test1', 'test3'] }));
    assert.deepEqual(answer.envelope, { status: 'OK', message: '' });
    await keys(jsonInit('PUT', { id: 'ci-bot', groups: 'a, b', ttl: 3600 }));
    const list = (await keys()).envelope.body as KeyView[];
    assert.deepEqual(list.map((k) => k.groups), [['a', 'b'], ['test1', 'test3']]);
    const inAnHour = Date.now() + 3600 * 1000;
    assert.ok(Math.abs(Date.parse(list[0]?.expiration ?? '') - inAnHour) < 5000);
    const unknown = await keys(jsonInit('PUT', { id: 'nope', ttl: 5 }));
    assert.equal(unknown.envelope.status, 'FAIL');
  });

  it('deletes by JSON body or by query, and fails on an unknown id', async () => {
    const byBody = await keys(jsonInit('DELETE', { id: 'developer1' }));
    assert.deepEqual(byBody.envelope, { status: 'OK', message: '' });
    const byQuery = await keys({ method: 'DELETE' }, '?id=ci-bot');
    assert.equal(byQuery.envelope.status, 'OK');
    assert.deepEqual((await keys()).envelope.body, []);
    const unknown = await keys(jsonInit('DELETE', { id: 'developer1' }));
    assert.equal(unknown.envelope.status, 'FAIL');
  });

  it('needs no credentials when the registry has no root token', async () => {
    const open = await startLocalRegistry();
    try {
      assert.equal((await okBody<KeyView[]>(`${open.url}/v1/apikey`)).length, 2);
    } finally {
      await open.close();
    }
  });
});

describe('local registry: TAP handshake', () => {
  let registry: LocalRegistry;
  let privateKey: KeyObject;
  before(async () => {
    registry = await startLocalRegistry({ rootToken: TOKEN });
    const body = { id: 'runner', ttl: 3600, groups: ['ci'] };
    const init = jsonInit('POST', body, ROOT);
    const created = await okBody<string>(`${registry.url}/v1/apikey`, init);
    const der = Buffer.from(created, 'base64');
    privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs1' });
  });
  after(() => registry.close());

  const handshake = async (): Promise<{ secret: string; answer: EnvelopeAnswer }> => {
    const hand = jsonInit('POST', { id: 'runner' });
    const sealed = await okBody<string>(`${registry.url}/tap/v1/hand`, hand);
    const secret = privateDecrypt(
      { key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
      Buffer.from(sealed, 'base64'),
    ).toString('utf8');
    const url = `${registry.url}/tap/v1/shake`;
    return { secret, answer: await fetchEnvelope(url, jsonInit('POST', { id: 'runner', secret })) };
  };

  it('trades a decrypted secret for a session that works as a bearer token', async () => {
    const { answer } = await handshake();
    assert.equal(answer.envelope.status, 'OK');
    const { data } = answer.envelope.body as { data: Record<string, string> };
    assert.deepEqual(Object.keys(data ?? {}).sort(), ['sessionId', 'token', 'userName']);
    assert.equal(data?.['userName'], 'runner');
    const session = Buffer.from(JSON.stringify(data)).toString('base64');
    const bearer = { Authorization: `Bearer ${session}` };
    const list = await fetchEnvelope(`${registry.url}/registry/v2/vm`, { headers: bearer });
    assert.equal(list.envelope.status, 'OK');
    const keys = await fetchEnvelope(`${registry.url}/v1/apikey`, { headers: bearer });
    assert.equal(keys.httpStatus, 401);
  });

  it('accepts a secret once, and refuses a wrong one or an unknown key', async () => {
    const { secret } = await handshake();
    const url = `${registry.url}/tap/v1/shake`;
    const reused = await fetchEnvelope(url, jsonInit('POST', { id: 'runner', secret }));
    assert.deepEqual([reused.httpStatus, reused.envelope.status], [401, 'FAIL']);
    await okBody(`${registry.url}/tap/v1/hand`, jsonInit('POST', { id: 'runner' }));
    const wrong = await fetchEnvelope(url, jsonInit('POST', { id: 'runner', secret: 'guess' }));
    assert.equal(wrong.httpStatus, 401);
    const hand = await fetchEnvelope(`${registry.url}/tap/v1/hand`, jsonInit('POST', { id: 'x' }));
    assert.equal(hand.envelope.status, 'FAIL');
  });
});
