// Fault rules, latency and the /__local/ control routes of the local registry.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startLocalRegistry, type LocalRegistry } from '../registry/server';
import { fetchEnvelope, fetchText, jsonInit, okBody } from './localRegistryClient';

const LIST = '/registry/v2/vm';

async function elapsedMs(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

describe('local registry: fault kinds', () => {
  let registry: LocalRegistry;
  before(async () => {
    registry = await startLocalRegistry();
  });
  beforeEach(() => registry.clearFaults());
  after(() => registry.close());

  const list = () => fetchText(`${registry.url}${LIST}`);

  it("'status' answers that HTTP status with a FAIL envelope", async () => {
    registry.setFaults([{ kind: 'status', status: 503, message: 'maintenance' }]);
    const answer = await fetchEnvelope(`${registry.url}${LIST}`);
    assert.equal(answer.httpStatus, 503);
    assert.match(answer.contentType, /^application\/json/);
    assert.deepEqual(answer.envelope, { status: 'FAIL', body: null, message: 'maintenance' });
  });

  it("'html' answers a reverse proxy's error page, 502 by default", async () => {
    registry.setFaults([{ kind: 'html' }]);
    const answer = await list();
    assert.equal(answer.httpStatus, 502);
    assert.match(answer.contentType, /^text\/html/);
    assert.match(answer.text, /<title>502 Bad Gateway<\/title>/);
    assert.match(answer.text, /nginx/);
    registry.setFaults([{ kind: 'html', status: 413 }]);
    assert.match((await list()).text, /413 Payload Too Large/);
  });

  it("'text' answers plain text, Go's 404 page by default", async () => {
    registry.setFaults([{ kind: 'text' }]);
    const answer = await list();
    assert.deepEqual([answer.httpStatus, answer.text], [404, '404 page not found\n']);
    assert.match(answer.contentType, /^text\/plain/);
    registry.setFaults([{ kind: 'text', status: 500, body: 'panic: oops' }]);
    const custom = await list();
    assert.deepEqual([custom.httpStatus, custom.text], [500, 'panic: oops']);
  });

  it("'brokenJson' answers HTTP 200 with truncated JSON", async () => {
    registry.setFaults([{ kind: 'brokenJson' }]);
    const answer = await list();
    assert.equal(answer.httpStatus, 200);
    assert.match(answer.contentType, /^application\/json/);
    assert.throws(() => JSON.parse(answer.text), SyntaxError);
  });

  it("'envelope' answers an ERROR or FAIL envelope without a body key", async () => {
    registry.setFaults([{ kind: 'envelope', envelopeStatus: 'ERROR', message: 'db locked' }]);
    const answer = await fetchEnvelope(`${registry.url}${LIST}`);
    assert.equal(answer.httpStatus, 200);
    assert.deepEqual(answer.envelope, { status: 'ERROR', message: 'db locked' });
    registry.setFaults([{ kind: 'envelope', status: 500 }]);
    const failed = await fetchEnvelope(`${registry.url}${LIST}`);
    assert.equal(failed.httpStatus, 500);
    assert.equal(failed.envelope.status, 'FAIL');
    assert.equal('body' in failed.envelope, false);
  });

  it("'drop' closes the socket without an answer", async () => {
    registry.setFaults([{ kind: 'drop' }]);
    await assert.rejects(fetch(`${registry.url}${LIST}`), TypeError);
  });

  it("'hang' never answers", async () => {
    registry.setFaults([{ kind: 'hang', path: LIST }]);
    const signal = AbortSignal.timeout(150);
    await assert.rejects(fetch(`${registry.url}${LIST}`, { signal }), /aborted|timeout/i);
    assert.equal((await fetchEnvelope(`${registry.url}/registry/status`)).httpStatus, 200);
  });

  it("'delay' answers normally after the rule's latency", async () => {
    registry.setFaults([{ kind: 'delay', latencyMs: 150 }]);
    let status = 0;
    const took = await elapsedMs(async () => {
      status = (await list()).httpStatus;
    });
    assert.equal(status, 200);
    assert.ok(took >= 140, `took ${took} ms`);
  });

  it('matches by method and by exact path or prefix, and counts down times', async () => {
    registry.setFaults([
      { kind: 'status', status: 500, method: 'DELETE', path: '/registry/*' },
      { kind: 'status', status: 503, path: LIST, times: 2 },
    ]);
    assert.equal((await list()).httpStatus, 503);
    assert.equal((await list()).httpStatus, 503);
    assert.equal((await list()).httpStatus, 200);
    assert.equal(registry.faults().length, 1);
    assert.equal((await fetchText(`${registry.url}/registry/vm`)).httpStatus, 200);
    const revert = await fetchText(`${registry.url}/registry/revert?id=x`, { method: 'delete' });
    assert.equal(revert.httpStatus, 500);
    assert.equal((await fetchText(`${registry.url}${LIST}/`)).httpStatus, 404);
  });

  it('logs requests that met a fault', async () => {
    registry.clearRequests();
    registry.setFaults([{ kind: 'html', times: 1 }]);
    await list();
    assert.deepEqual(registry.requests.map((r) => r.path), [LIST]);
  });
});

describe('local registry: latency, start-up faults and close', () => {
  it('adds the latency option to every answer', async () => {
    const registry = await startLocalRegistry({ latencyMs: 120 });
    try {
      const took = await elapsedMs(() => fetchText(`${registry.url}/livez`));
      assert.ok(took >= 110, `took ${took} ms`);
    } finally {
      await registry.close();
    }
  });

  it('applies faults given at start-up', async () => {
    const registry = await startLocalRegistry({ faults: [{ kind: 'text', times: 1 }] });
    try {
      assert.equal((await fetchText(`${registry.url}/registry/status`)).httpStatus, 404);
      assert.equal((await fetchText(`${registry.url}/registry/status`)).httpStatus, 200);
    } finally {
      await registry.close();
    }
  });

  it('closes quickly even with a hanging request and a keep-alive connection', async () => {
    const registry = await startLocalRegistry({ faults: [{ kind: 'hang', path: LIST }] });
    await fetchText(`${registry.url}/registry/status`);
    const pending = fetch(`${registry.url}${LIST}`).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const took = await elapsedMs(() => registry.close());
    assert.ok(took < 1000, `close took ${took} ms`);
    assert.ok((await pending) instanceof Error);
  });
});

describe('local registry: control routes', () => {
  it('are absent unless asked for', async () => {
    const registry = await startLocalRegistry();
    try {
      const answer = await fetchText(`${registry.url}/__local/faults`, { method: 'DELETE' });
      assert.equal(answer.httpStatus, 404);
    } finally {
      await registry.close();
    }
  });

  it('switch faults, reset and show the request log, untouched by faults', async () => {
    const registry = await startLocalRegistry({ controlRoutes: true });
    const control = (path: string, init?: RequestInit) =>
      fetchEnvelope(`${registry.url}/__local/${path}`, init);
    try {
      const rules = [{ kind: 'status', status: 500, path: '*' }];
      assert.equal((await control('faults', jsonInit('POST', rules))).envelope.status, 'OK');
      assert.equal((await fetchText(`${registry.url}/livez`)).httpStatus, 500);
      assert.deepEqual(await okBody(`${registry.url}/__local/faults`), rules);
      assert.equal((await control('requests')).httpStatus, 200);
      assert.equal((await control('faults', { method: 'DELETE' })).envelope.status, 'OK');
      assert.equal((await fetchText(`${registry.url}/livez`)).httpStatus, 200);

      await fetchText(`${registry.url}/registry/vm?id=2db3814c-2913-42b9-ae42-c33f1e6124d4`, {
        method: 'DELETE',
      });
      assert.equal((await control('reset', { method: 'POST' })).envelope.status, 'OK');
      assert.equal(registry.templates().length > 9, true);

      const log = await okBody<{ path: string }[]>(`${registry.url}/__local/requests`);
      assert.deepEqual(log.map((r) => r.path), ['/livez', '/livez', '/registry/vm']);
      await control('requests', { method: 'DELETE' });
      assert.deepEqual(registry.requests, []);
    } finally {
      await registry.close();
    }
  });

  it('refuse malformed fault rules with HTTP 400', async () => {
    const registry = await startLocalRegistry({ controlRoutes: true });
    try {
      const url = `${registry.url}/__local/faults`;
      const bodies = ['nope', '{}', '[{"kind":"boom"}]', '[{"kind":"status","status":"500"}]'];
      for (const body of bodies) {
        const answer = await fetchEnvelope(url, { method: 'POST', body });
        assert.equal(answer.httpStatus, 400, body);
        assert.equal(answer.envelope.status, 'FAIL');
      }
      assert.deepEqual(registry.faults(), []);
    } finally {
      await registry.close();
    }
  });
});
