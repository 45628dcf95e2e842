// The local registry's changing endpoints (delete, revert, arch), disk, cache, log and options.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { sampleTemplates } from '../registry/seed';
import { startLocalRegistry, type LocalRegistry } from '../registry/server';
import {
  fetchEnvelope,
  jsonInit,
  okBody,
  type TemplateSummary,
  type TemplateView,
} from './localRegistryClient';

const MONTEREY = 'c12ccfa5-8757-411e-9505-128190e9854e';
const SEQUOIA = '2db3814c-2913-42b9-ae42-c33f1e6124d4';
const MONTEREY_1210 = '0e1660cb-632f-4748-8a0d-ce82ae6bcd25';

describe('local registry: delete, revert and arch', () => {
  let registry: LocalRegistry;
  before(async () => {
    registry = await startLocalRegistry();
  });
  beforeEach(() => registry.reset());
  after(() => registry.close());

  const detail = (id: string) => fetchEnvelope(`${registry.url}/registry/v2/vm?id=${id}`);
  const tagsOf = async (id: string): Promise<string[]> => {
    const template = await okBody<TemplateView>(`${registry.url}/registry/v2/vm?id=${id}`);
    return template.versions.map((v) => v.tag);
  };
  const revert = (query: string, init: RequestInit = { method: 'DELETE' }) =>
    fetchEnvelope(`${registry.url}/registry/revert?${query}`, init);

  it('deletes a template with body null, then no longer finds it', async () => {
    const answer = await fetchEnvelope(`${registry.url}/registry/vm?id=${MONTEREY}`, {
      method: 'DELETE',
    });
    assert.deepEqual(answer.envelope, { status: 'OK', body: null, message: '' });
    assert.equal((await detail(MONTEREY)).envelope.status, 'FAIL');
    const list = await okBody<TemplateSummary[]>(`${registry.url}/registry/v2/vm`);
    assert.ok(!list.some((t) => t.id === MONTEREY));
    assert.equal(registry.template(MONTEREY), undefined);
  });

  it('fails to delete an unknown or missing id', async () => {
    for (const query of ['?id=nope', '', '?id=']) {
      const url = `${registry.url}/registry/vm${query}`;
      const answer = await fetchEnvelope(url, { method: 'DELETE' });
      assert.equal(answer.envelope.status, 'FAIL', query);
    }
    assert.equal(registry.templates().length, sampleTemplates().length);
  });

  it('reverts the latest version and recomputes the size', async () => {
    const answer = await revert(`id=${MONTEREY}`);
    assert.deepEqual(answer.envelope, { status: 'OK', body: null, message: '' });
    const template = await okBody<TemplateView>(`${registry.url}/registry/v2/vm?id=${MONTEREY}`);
    assert.deepEqual(template.versions.map((v) => v.tag), ['vanilla', 'vanilla+port-forward-22']);
    assert.equal(template.size, 19490295808);
  });

  it('reverts a version and every newer one, by number or by version', async () => {
    await revert(`id=${MONTEREY}&number=1`);
    assert.deepEqual(await tagsOf(MONTEREY), ['vanilla']);
    registry.reset();
    await revert(`id=${MONTEREY}&version=2`);
    assert.deepEqual(await tagsOf(MONTEREY), ['vanilla', 'vanilla+port-forward-22']);
  });

  it('reverts by a tag sent as the JSON body of the DELETE', async () => {
    const init = jsonInit('DELETE', { tag: 'vanilla+port-forward-22' });
    const answer = await revert(`id=${MONTEREY}`, init);
    assert.equal(answer.envelope.status, 'OK');
    assert.deepEqual(await tagsOf(MONTEREY), ['vanilla']);
    const sent = registry.requests.filter((request) => request.method === 'DELETE').at(-1);
    assert.equal(sent?.body, '{"tag":"vanilla+port-forward-22"}');
  });

  it('recomputes size and dates after a revert drops state files and layers', async () => {
    await revert(`id=${SEQUOIA}`);
    const template = await okBody<TemplateView>(`${registry.url}/registry/v2/vm?id=${SEQUOIA}`);
    assert.equal(template.size, 26937922052);
    assert.equal(template.last_pull, 1741354557);
  });

  it('removes the whole template when version 0 is reverted', async () => {
    await revert(`id=${MONTEREY}&number=0`);
    assert.equal((await detail(MONTEREY)).envelope.status, 'FAIL');
    await revert(`id=${MONTEREY_1210}`);
    assert.equal((await detail(MONTEREY_1210)).envelope.status, 'FAIL');
  });

  it('fails on an unknown tag, version or template, changing nothing', async () => {
    const attempts = [
      revert(`id=${MONTEREY}`, jsonInit('DELETE', { tag: 'nope' })),
      revert(`id=${MONTEREY}&number=7`),
      revert(`id=${MONTEREY}&version=x`),
      revert('id=nope'),
      revert(`id=${MONTEREY}`, { method: 'DELETE', body: 'not json' }),
    ];
    for (const answer of await Promise.all(attempts)) {
      assert.equal(answer.envelope.status, 'FAIL');
    }
    assert.equal((await tagsOf(MONTEREY)).length, 3);
  });

  it('sets the template arch only, and only to arm64 or amd64', async () => {
    const url = `${registry.url}/registry/vm/arch`;
    const answer = await fetchEnvelope(url, jsonInit('PUT', { id: MONTEREY_1210, arch: 'arm64' }));
    assert.deepEqual(answer.envelope, { status: 'OK', body: null, message: '' });
    const template = await okBody<TemplateView>(`${registry.url}/registry/vm?id=${MONTEREY_1210}`);
    assert.equal(template.arch, 'arm64');
    assert.ok(template.versions.every((v) => v.arch === ''));
    const bad = [
      { id: MONTEREY_1210, arch: 'x86' },
      { id: 'nope', arch: 'amd64' },
      { arch: 'arm64' },
    ];
    for (const body of bad) {
      assert.equal((await fetchEnvelope(url, jsonInit('PUT', body))).envelope.status, 'FAIL');
    }
  });

  it('reports disk space above 2^32 with free space growing after a delete', async () => {
    const before = await okBody<{ free: number; total: number }>(`${registry.url}/registry/disk`);
    assert.ok(before.total > 2 ** 32 && before.free > 2 ** 32 && before.free < before.total);
    await fetchEnvelope(`${registry.url}/registry/vm?id=${SEQUOIA}`, { method: 'DELETE' });
    const afterDelete = await okBody<{ free: number }>(`${registry.url}/registry/disk`);
    assert.equal(afterDelete.free - before.free, 28221379076);
  });

  it('logs requests with decoded query, raw query, body and headers until cleared', async () => {
    registry.clearRequests();
    await fetchEnvelope(`${registry.url}/registry/vm/info?id=${MONTEREY}&tag=a%2Bb`, {
      headers: { 'X-Test': 'yes' },
    });
    registry.reset();
    assert.equal(registry.requests.length, 1);
    const [entry] = registry.requests;
    assert.equal(entry?.method, 'GET');
    assert.equal(entry?.path, '/registry/vm/info');
    assert.deepEqual(entry?.query, { id: MONTEREY, tag: 'a+b' });
    assert.equal(entry?.rawQuery, `id=${MONTEREY}&tag=a%2Bb`);
    assert.equal(entry?.headers['x-test'], 'yes');
    assert.equal(entry?.body, undefined);
    registry.clearRequests();
    assert.equal(registry.requests.length, 0);
  });

  it('resets to the seed', async () => {
    await fetchEnvelope(`${registry.url}/registry/vm?id=${MONTEREY}`, { method: 'DELETE' });
    registry.reset();
    assert.equal((await detail(MONTEREY)).envelope.status, 'OK');
  });
});

describe('local registry: list cache, seeds and options', () => {
  it('keeps serving cached v2 and v1 lists until the ttl passes, but not details', async () => {
    const registry = await startLocalRegistry({ listCacheTtlMs: 300 });
    try {
      const ids = async (path: string): Promise<string[]> =>
        (await okBody<object[]>(`${registry.url}${path}`)).map((item) =>
          'id' in item ? String(item.id) : Object.keys(item)[0] ?? '');
      assert.ok((await ids('/registry/v2/vm')).includes(MONTEREY));
      assert.ok((await ids('/registry/vm')).includes(MONTEREY));
      await fetchEnvelope(`${registry.url}/registry/vm?id=${MONTEREY}`, { method: 'DELETE' });
      assert.ok((await ids('/registry/v2/vm')).includes(MONTEREY));
      assert.ok((await ids('/registry/vm')).includes(MONTEREY));
      const detail = await fetchEnvelope(`${registry.url}/registry/v2/vm?id=${MONTEREY}`);
      assert.equal(detail.envelope.status, 'FAIL');
      await new Promise((resolve) => setTimeout(resolve, 350));
      assert.ok(!(await ids('/registry/v2/vm')).includes(MONTEREY));
      assert.ok(!(await ids('/registry/vm')).includes(MONTEREY));
    } finally {
      await registry.close();
    }
  });

  it('serves fresh lists when the cache is off', async () => {
    const registry = await startLocalRegistry();
    try {
      await okBody(`${registry.url}/registry/v2/vm`);
      await fetchEnvelope(`${registry.url}/registry/vm?id=${MONTEREY}`, { method: 'DELETE' });
      const list = await okBody<TemplateSummary[]>(`${registry.url}/registry/v2/vm`);
      assert.ok(!list.some((t) => t.id === MONTEREY));
    } finally {
      await registry.close();
    }
  });

  it('starts empty, from given templates, with a disk override and a version', async () => {
    const [first] = sampleTemplates();
    assert.ok(first);
    const empty = await startLocalRegistry({ seed: 'empty', version: '1.50.0-abc' });
    const custom = await startLocalRegistry({ seed: [first], disk: { free: 1, total: 2 } });
    try {
      assert.deepEqual(await okBody(`${empty.url}/registry/v2/vm`), []);
      assert.deepEqual(await okBody(`${empty.url}/registry/status`), {
        status: 'Running', version: '1.50.0-abc',
      });
      const list = await okBody<TemplateSummary[]>(`${custom.url}/registry/v2/vm`);
      assert.deepEqual(list.map((t) => t.id), [first.id]);
      assert.deepEqual(await okBody(`${custom.url}/registry/disk`), { free: 1, total: 2 });
    } finally {
      await Promise.all([empty.close(), custom.close()]);
    }
  });

  it('hands out fresh deep copies of the seed and of the current templates', async () => {
    const seed = sampleTemplates();
    seed[0]?.versions.pop();
    assert.notDeepEqual(seed, sampleTemplates());
    const registry = await startLocalRegistry({ seed });
    try {
      registry.templates()[0]?.versions.splice(0);
      const tags = registry.templates()[0]?.versions.length ?? 0;
      assert.ok(tags > 0);
      seed[0]?.versions.splice(0);
      assert.equal(registry.templates()[0]?.versions.length, tags);
    } finally {
      await registry.close();
    }
  });
});
