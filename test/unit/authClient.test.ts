// Root token and API key sign-in against the local registry, through the real handshake.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { privateKeyToPem } from '../../src/registry/auth';
import { startLocalRegistry, type LocalRegistry } from '../registry/server';
import { authClient, LogRecorder, rejection } from './authHelpers';

const TOKEN = 'root-token-7f3a9c';

let registry: LocalRegistry;
const log = new LogRecorder();
const secretsSeen: string[] = [TOKEN];

before(async () => {
  registry = await startLocalRegistry({ rootToken: TOKEN });
});

after(async () => {
  await registry.close();
  // Nothing secret may reach a log line, whatever happened above.
  for (const secret of secretsSeen) {
    const leaked = log.lines.find((line) => line.includes(secret.slice(0, 40)));
    assert.equal(leaked, undefined, 'a secret was logged');
  }
});

beforeEach(() => {
  registry.clearFaults();
  registry.clearRequests();
});

/** Creates an API key with the root token; returns the private key the registry generated. */
async function createKey(id: string): Promise<string> {
  const { client } = authClient(registry.url, {
    settings: { auth: 'rootToken' },
    secrets: { rootToken: TOKEN },
    log,
  });
  try {
    const privateKey = await client.createApiKey({ id, ttl: 3600, groups: ['ci'] });
    assert.ok(privateKey, 'the registry generated a key pair');
    secretsSeen.push(privateKey);
    return privateKey;
  } finally {
    await client.close();
  }
}

describe('root token', () => {
  it('connects and lists templates with Basic root:<token>', async () => {
    const { client } = authClient(registry.url, {
      settings: { auth: 'rootToken' },
      secrets: { rootToken: TOKEN },
      log,
    });
    const templates = await client.listTemplates();
    assert.ok(templates.length > 0);
    const sent = registry.requests.at(-1)?.headers.authorization;
    assert.equal(sent, `Basic ${Buffer.from(`root:${TOKEN}`).toString('base64')}`);
    await client.close();
  });

  it('says a wrong token was refused and what to do', async () => {
    const { client } = authClient(registry.url, {
      settings: { auth: 'rootToken' },
      secrets: { rootToken: 'not-the-token' },
      log,
    });
    const error = await rejection(client.listTemplates());
    assert.equal(error.kind, 'unauthorized');
    assert.match(error.message, /HTTP 401 Unauthorized: Authentication Required/);
    assert.match(error.message, /root token was refused; use "Sign In Again"/);
    assert.doesNotMatch(error.message, /not-the-token/);
    await client.close();
  });

  it('fails before sending anything when no token is stored', async () => {
    const { client } = authClient(registry.url, { settings: { auth: 'rootToken' }, log });
    const error = await rejection(client.listTemplates());
    assert.equal(error.kind, 'unauthorized');
    assert.match(error.reason, /no root token is stored/);
    assert.equal(registry.requests.length, 0);
    await client.close();
  });

  it('reads the secrets again after a reset, as after "Sign In Again"', async () => {
    const secrets = { rootToken: 'stale-token' };
    const { client, connection } = authClient(registry.url, {
      settings: { auth: 'rootToken' },
      secrets,
      log,
    });
    assert.equal((await rejection(client.listTemplates())).kind, 'unauthorized');
    secrets.rootToken = TOKEN;
    assert.equal((await rejection(client.listTemplates())).kind, 'unauthorized', 'still cached');
    connection.reset();
    assert.ok((await client.listTemplates()).length > 0);
    await client.close();
  });

  it('tells a registry without credentials that it needs some', async () => {
    const { client } = authClient(registry.url, { log });
    const error = await rejection(client.listTemplates());
    assert.equal(error.kind, 'unauthorized');
    assert.match(error.reason, /wants credentials; use "Sign In Again"/);
    await client.close();
  });
});

describe('API key', () => {
  it('shakes hands once and lists templates with the session as Bearer', async () => {
    const privateKey = await createKey('runner');
    const { client } = authClient(registry.url, {
      settings: { auth: 'apiKey', apiKeyId: 'runner' },
      secrets: { apiKeyPem: privateKeyToPem(privateKey) },
      log,
    });
    registry.clearRequests();
    await Promise.all([client.listTemplates(), client.getDisk(), client.listTemplates()]);
    const paths = registry.requests.map((request) => request.path);
    assert.deepEqual(
      paths.filter((path) => path.startsWith('/tap/')),
      ['/tap/v1/hand', '/tap/v1/shake'],
    );
    const bearer = registry.requests.at(-1)?.headers.authorization ?? '';
    assert.match(bearer, /^Bearer /);
    const session = JSON.parse(Buffer.from(bearer.slice(7), 'base64').toString('utf8'));
    assert.equal(session.userName, 'runner');
    await client.close();
  });

  it('accepts the base64 DER key the registry generated, as stored', async () => {
    const privateKey = await createKey('raw-der');
    const { client } = authClient(registry.url, {
      settings: { auth: 'apiKey', apiKeyId: 'raw-der' },
      secrets: { apiKeyPem: privateKey },
      log,
    });
    assert.ok((await client.listTemplates()).length > 0);
    await client.close();
  });

  it('shakes hands again once when the session expired, and retries the request', async () => {
    const privateKey = await createKey('expiring');
    const { client } = authClient(registry.url, {
      settings: { auth: 'apiKey', apiKeyId: 'expiring' },
      secrets: { apiKeyPem: privateKey },
      log,
    });
    await client.listTemplates();
    registry.expireSessions();
    registry.clearRequests();
    const templates = await client.listTemplates();
    assert.ok(templates.length > 0);
    const paths = registry.requests.map((request) => request.path);
    assert.deepEqual(
      paths,
      ['/registry/v2/vm', '/tap/v1/hand', '/tap/v1/shake', '/registry/v2/vm'],
    );
    assert.ok(log.lines.some((line) => /session was refused; signing in again/.test(line)));
    await client.close();
  });

  it('does not loop when a fresh session is refused too', async () => {
    const privateKey = await createKey('no-keys-access');
    const { client } = authClient(registry.url, {
      settings: { auth: 'apiKey', apiKeyId: 'no-keys-access' },
      secrets: { apiKeyPem: privateKey },
      log,
    });
    registry.clearRequests();
    const error = await rejection(client.listApiKeys());
    assert.equal(error.kind, 'unauthorized');
    assert.match(error.reason, /API key "no-keys-access" was refused; use "Sign In Again"/);
    assert.equal(registry.requests.filter((request) => request.path === '/v1/apikey').length, 1);
    await client.close();
  });

  it('names a private key that does not belong to the key', async () => {
    await createKey('mismatched');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    secretsSeen.push(pem.split('\n')[1] ?? pem);
    const { client } = authClient(registry.url, {
      settings: { auth: 'apiKey', apiKeyId: 'mismatched' },
      secrets: { apiKeyPem: pem },
      log,
    });
    const error = await rejection(client.listTemplates());
    assert.equal(error.kind, 'unauthorized');
    assert.match(error.message, /Could not list templates on registry "secure"/);
    assert.match(
      error.reason,
      /API key "mismatched" failed: the stored private key does not belong/,
    );
    await client.close();
  });

  it('passes on what the registry says about an unknown key', async () => {
    const privateKey = await createKey('known');
    const { client } = authClient(registry.url, {
      settings: { auth: 'apiKey', apiKeyId: 'unknown-key' },
      secrets: { apiKeyPem: privateKey },
      log,
    });
    const error = await rejection(client.listTemplates());
    assert.equal(error.kind, 'unauthorized');
    assert.match(
      error.reason,
      /signing in with API key "unknown-key" failed: api key unknown-key not found/,
    );
    await client.close();
  });

  it('asks for the key id and the private key when they are missing', async () => {
    const noId = authClient(registry.url, { settings: { auth: 'apiKey' }, log });
    assert.match(
      (await rejection(noId.client.listTemplates())).reason,
      /no API key id is configured/,
    );
    const noKey = authClient(registry.url, { settings: { auth: 'apiKey', apiKeyId: 'x' }, log });
    assert.match(
      (await rejection(noKey.client.listTemplates())).reason,
      /no private key is stored/,
    );
    const broken = authClient(registry.url, {
      settings: { auth: 'apiKey', apiKeyId: 'x' },
      secrets: { apiKeyPem: 'not a key!' },
      log,
    });
    assert.match(
      (await rejection(broken.client.listTemplates())).reason,
      /cannot be used: .*neither PEM nor base64/,
    );
    await Promise.all([noId.client.close(), noKey.client.close(), broken.client.close()]);
  });
});

describe('403 answers', () => {
  it('name the permission the registry says is missing', async () => {
    const { client } = authClient(registry.url, {
      settings: { auth: 'rootToken' },
      secrets: { rootToken: TOKEN },
      log,
    });
    registry.setFaults([{ path: '/registry/v2/vm', kind: 'status', status: 403,
      message: 'permission denied: group ci lacks list' }]);
    const error = await rejection(client.listTemplates());
    assert.equal(error.kind, 'forbidden');
    assert.match(error.reason, /lack the "list" permission/);
    registry.setFaults([
      { path: '/registry/vm/arch', kind: 'status', status: 403, message: 'Forbidden' },
    ]);
    const other = await rejection(client.setArch('x', 'arm64'));
    assert.match(other.reason, /not allowed to do this/);
    await client.close();
  });
});
