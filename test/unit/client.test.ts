import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { RegistryClient, RegistryError } from '../../src/registry';
import { startLocalRegistry, type LocalRegistry } from '../registry/server';

const SEQUOIA = '2db3814c-2913-42b9-ae42-c33f1e6124d4';
const MONTEREY = 'c12ccfa5-8757-411e-9505-128190e9854e';
const APPIUM = '2fa0f10e-e91e-4665-8d42-00a39b9707de';

let registry: LocalRegistry;
let client: RegistryClient;
const logged: string[] = [];

function newClient(url: string, timeoutMs = 5000): RegistryClient {
  return new RegistryClient({
    name: 'local',
    url,
    timeoutMs,
    logger: { debug: (line) => logged.push(line), error: (line) => logged.push(line) },
  });
}

async function rejection(promise: Promise<unknown>): Promise<RegistryError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof RegistryError, `expected a RegistryError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

before(async () => {
  registry = await startLocalRegistry({ seed: 'sample' });
  client = newClient(registry.url);
});

after(async () => {
  await client.close();
  await registry.close();
});

beforeEach(() => {
  registry.reset();
  registry.clearFaults();
  registry.clearRequests();
});

describe('RegistryClient reads', () => {
  it('reads the status', async () => {
    const status = await client.getStatus();
    assert.equal(status.state, 'Running');
    assert.equal(status.version, '1.13.0-24e848a5');
  });

  it('lists templates (v2) with sizes above 2^32', async () => {
    const templates = await client.listTemplates();
    const names = templates.map((item) => item.name);
    for (const name of ['12.4', 'sequoia', '12.1.0', 'appium-base']) {
      assert.ok(names.includes(name), `${name} is listed`);
    }
    const sequoia = templates.find((item) => item.id === SEQUOIA);
    assert.ok((sequoia?.size ?? 0) > 2 ** 32);
  });

  it('reads a template with its versions, arch on the template only', async () => {
    const template = await client.getTemplate(SEQUOIA);
    assert.equal(template.name, 'sequoia');
    assert.equal(template.arch, 'arm64');
    assert.deepEqual(
      template.versions.map((version) => version.tag),
      ['suspended', 'ssh', 'java17'],
    );
    assert.ok(template.versions.every((version) => version.arch === undefined));
    assert.equal(template.versions[0]?.stateFile, '16b5fd251f724d699df853e7718d750a.ank');
    assert.equal(template.versions[2]?.stateFile, undefined);
    const sum = template.versions.reduce((total, version) => total + (version.size ?? 0), 0);
    assert.ok((template.size ?? 0) < sum, 'shared layers are stored once');
  });

  it('reads the deprecated v1 list and detail', async () => {
    const list = await client.listTemplatesV1();
    assert.ok(list.some((item) => item.id === MONTEREY && item.name === '12.4'));
    const detail = await client.getTemplateV1(MONTEREY);
    assert.equal(detail.versions.length, 3);
    assert.equal(detail.arch, 'amd64');
  });

  it('reads VM configs by tag (with +), by version, and the newest', async () => {
    const byTag = await client.getVmConfig(MONTEREY, { tag: 'vanilla+port-forward-22' });
    assert.equal(byTag.networkCards[0]?.portForwardingRules[0]?.guestPort, 22);
    const byVersion = await client.getVmConfig(MONTEREY, { version: 0 });
    assert.deepEqual(byVersion.networkCards[0]?.portForwardingRules, []);
    const newest = await client.getVmConfig(APPIUM);
    assert.equal(newest.hasNvram, true);
    assert.equal(typeof newest.cpuCores, 'number');
    const query = registry.requests.find((request) => request.path === '/registry/vm/info');
    assert.match(query?.rawQuery ?? '', /tag=vanilla%2Bport-forward-22/);
  });

  it('reads disk usage', async () => {
    const disk = await client.getDisk();
    assert.ok((disk.total ?? 0) > 2 ** 32);
    assert.equal(disk.used, (disk.total ?? 0) - (disk.free ?? 0));
  });

  it('logs each request with method, URL, status and duration', async () => {
    logged.length = 0;
    await client.getStatus();
    assert.match(
      logged[0] ?? '',
      /^GET http:\/\/127\.0\.0\.1:\d+\/registry\/status → 200 \(\d+ ms\)$/,
    );
  });
});

describe('RegistryClient changes', () => {
  it('reverts the newest version by default', async () => {
    await client.revert(MONTEREY);
    const template = await client.getTemplate(MONTEREY);
    assert.deepEqual(
      template.versions.map((version) => version.number),
      [0, 1],
    );
  });

  it('reverts a version and every newer one, sending version and number', async () => {
    await client.revert(SEQUOIA, { version: 1 });
    const template = await client.getTemplate(SEQUOIA);
    assert.deepEqual(
      template.versions.map((version) => version.tag),
      ['suspended'],
    );
    const request = registry.requests.find((item) => item.path === '/registry/revert');
    assert.equal(request?.query['version'], '1');
    assert.equal(request?.query['number'], '1');
  });

  it('reverts by tag with a JSON body on DELETE', async () => {
    await client.revert(MONTEREY, { tag: 'vanilla+port-forward-22' });
    const template = await client.getTemplate(MONTEREY);
    assert.deepEqual(
      template.versions.map((version) => version.tag),
      ['vanilla'],
    );
    const request = registry.requests.find((item) => item.path === '/registry/revert');
    assert.deepEqual(JSON.parse(request?.body ?? '{}'), { tag: 'vanilla+port-forward-22' });
  });

  it('reverting version 0 removes the template', async () => {
    await client.revert(MONTEREY, { version: 0 });
    const error = await rejection(client.getTemplate(MONTEREY));
    assert.equal(error.operation, `read template ${MONTEREY}`);
  });

  it('sets the arch on the template', async () => {
    await client.setArch(MONTEREY, 'arm64');
    const template = await client.getTemplate(MONTEREY);
    assert.equal(template.arch, 'arm64');
  });

  it('deletes a template', async () => {
    await client.deleteTemplate(APPIUM);
    const list = await client.listTemplates();
    assert.ok(!list.some((item) => item.id === APPIUM));
  });

  it('creates, reads, updates and deletes API keys', async () => {
    const privateKey = await client.createApiKey({ id: 'ci-new', ttl: 3600, groups: ['ci'] });
    assert.ok(privateKey && Buffer.from(privateKey, 'base64').length > 500, 'a DER key came back');
    const [key] = await client.listApiKeys('ci-new');
    assert.deepEqual(key?.groups, ['ci']);
    await client.updateApiKey({ id: 'ci-new', groups: ['ci', 'release'] });
    const all = await client.listApiKeys();
    assert.deepEqual(all.find((item) => item.id === 'ci-new')?.groups, ['ci', 'release']);
    await client.deleteApiKey('ci-new');
    const remaining = await client.listApiKeys();
    assert.ok(!remaining.some((item) => item.id === 'ci-new'));
  });
});

describe('RegistryClient errors', () => {
  it('reports a FAIL envelope with its message, operation and registry', async () => {
    const error = await rejection(client.getTemplate('no-such-id'));
    assert.equal(error.kind === 'envelope' || error.kind === 'notFound', true);
    assert.equal(error.registryName, 'local');
    assert.equal(error.registryUrl, registry.url);
    assert.match(error.message, /^Could not read template no-such-id on registry "local"/);
  });

  it('reports an ERROR envelope without a body key', async () => {
    registry.setFaults([
      { path: '/registry/v2/vm', kind: 'envelope', envelopeStatus: 'ERROR', message: 'db locked' },
    ]);
    const error = await rejection(client.listTemplates());
    assert.equal(error.kind, 'envelope');
    assert.equal(error.envelopeStatus, 'ERROR');
    assert.equal(error.reason, 'db locked');
  });

  it('shows the title of a proxy HTML page with the HTTP status', async () => {
    registry.setFaults([{ path: '/registry/v2/vm', kind: 'html', status: 502 }]);
    const error = await rejection(client.listTemplates());
    assert.equal(error.kind, 'http');
    assert.equal(error.httpStatus, 502);
    assert.match(error.reason, /^HTTP 502 Bad Gateway: .*502 Bad Gateway/);
    assert.ok(!error.reason.includes('<'), 'no markup in the message');
  });

  it('shows the plain text of an unknown route', async () => {
    registry.setFaults([
      { path: '/registry/disk', kind: 'text', status: 404, body: '404 page not found' },
    ]);
    const error = await rejection(client.getDisk());
    assert.equal(error.kind, 'notFound');
    assert.equal(error.reason, 'HTTP 404 Not Found: 404 page not found');
  });

  it('never leaks a JSON parse error for a broken body', async () => {
    registry.setFaults([{ path: '/registry/v2/vm', kind: 'brokenJson' }]);
    const error = await rejection(client.listTemplates());
    assert.equal(error.kind, 'invalidResponse');
    assert.match(error.reason, /malformed JSON/);
    assert.ok(!/Unexpected|SyntaxError/.test(error.message));
  });

  it('reports a status code with a FAIL envelope', async () => {
    registry.setFaults([
      { path: '/registry/v2/vm', kind: 'status', status: 500, message: 'disk error' },
    ]);
    const error = await rejection(client.listTemplates());
    assert.equal(error.httpStatus, 500);
    assert.equal(error.reason, 'HTTP 500 Internal Server Error: disk error');
  });

  it('names 401 and 403 as such', async () => {
    registry.setFaults([
      { path: '/registry/v2/vm', kind: 'status', status: 401, message: 'Authentication Required' },
    ]);
    assert.equal((await rejection(client.listTemplates())).kind, 'unauthorized');
    registry.setFaults([
      { path: '/registry/v2/vm', kind: 'status', status: 403, message: 'no list permission' },
    ]);
    const forbidden = await rejection(client.listTemplates());
    assert.equal(forbidden.kind, 'forbidden');
    assert.match(forbidden.reason, /no list permission/);
  });

  it('reports a dropped connection', async () => {
    registry.setFaults([{ path: '/registry/v2/vm', kind: 'drop' }]);
    const error = await rejection(client.listTemplates());
    assert.equal(error.kind, 'connectionReset');
  });

  it('times out a request that never answers', async () => {
    registry.setFaults([{ path: '/registry/status', kind: 'hang' }]);
    const impatient = newClient(registry.url, 300);
    try {
      const error = await rejection(impatient.getStatus());
      assert.equal(error.kind, 'timeout');
      assert.match(error.reason, /no answer within 0\.3 s/);
    } finally {
      await impatient.close();
    }
  });

  it('times out an answer whose body stops arriving', async () => {
    const stalling = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"status":"OK","body":{"status":');
    });
    await new Promise<void>((resolve) => stalling.listen(0, '127.0.0.1', resolve));
    const port = (stalling.address() as AddressInfo).port;
    const impatient = newClient(`http://127.0.0.1:${port}`, 300);
    try {
      const error = await rejection(impatient.getStatus());
      assert.equal(error.kind, 'timeout');
      assert.match(error.reason, /no answer within 0\.3 s/);
    } finally {
      await impatient.close();
      stalling.closeAllConnections();
      await new Promise((resolve) => stalling.close(resolve));
    }
  });

  it('keeps the path of a registry URL behind a reverse proxy', async () => {
    const paths: string[] = [];
    const proxied = createServer((request, response) => {
      paths.push(request.url ?? '');
      response.writeHead(200, { 'content-type': 'application/json' });
      const body = request.url?.includes('?id=') ? '{"id":"x","name":"x","versions":[]}' : '[]';
      response.end(`{"status":"OK","body":${body}}`);
    });
    await new Promise<void>((resolve) => proxied.listen(0, '127.0.0.1', resolve));
    const port = (proxied.address() as AddressInfo).port;
    const prefixed = newClient(`http://127.0.0.1:${port}/anka/registry-a/`);
    try {
      await prefixed.listTemplates();
      await prefixed.getTemplate('a b+c');
      assert.deepEqual(paths, [
        '/anka/registry-a/registry/v2/vm',
        '/anka/registry-a/registry/v2/vm?id=a+b%2Bc',
      ]);
    } finally {
      await prefixed.close();
      proxied.closeAllConnections();
      await new Promise((resolve) => proxied.close(resolve));
    }
  });

  it('says cancelled when the caller aborts', async () => {
    registry.setFaults([{ path: '/registry/status', kind: 'hang' }]);
    const controller = new AbortController();
    const pending = client.getStatus({ signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    assert.equal((await rejection(pending)).kind, 'cancelled');
  });

  it('reports a refused connection when nothing listens', async () => {
    const closed = await startLocalRegistry({ seed: 'empty' });
    const url = closed.url;
    await closed.close();
    const orphan = newClient(url);
    try {
      const error = await rejection(orphan.listTemplates());
      assert.equal(error.kind, 'connectionRefused');
      assert.match(error.message, /connection refused/);
    } finally {
      await orphan.close();
    }
  });

  it('reports an answer that is not a registry envelope', async () => {
    registry.setFaults([
      { path: '/registry/status', kind: 'text', status: 200, body: '{"hello":1}' },
    ]);
    const error = await rejection(client.getStatus());
    assert.equal(error.kind, 'invalidResponse');
    assert.match(error.reason, /Anka Registry/);
  });

  it('reports a body of the wrong shape without a TypeError', async () => {
    registry.setFaults([
      { path: '/registry/v2/vm', kind: 'text', status: 200, body: '{"status":"OK","body":"nope"}' },
    ]);
    const error = await rejection(client.listTemplates());
    assert.equal(error.kind, 'invalidResponse');
    assert.match(error.reason, /expected the template list as a JSON list/);
  });
});
