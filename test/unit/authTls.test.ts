// https registries: private CAs, client certificates, and each TLS check that can fail.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestPki, type TestPki } from '../registry/pki';
import { startLocalRegistry, type LocalRegistry, type LocalRegistryTls } from '../registry/server';
import { authClient, LogRecorder, rejection } from './authHelpers';

let pki: TestPki;
const running: LocalRegistry[] = [];
const log = new LogRecorder();

before(async () => {
  pki = await createTestPki();
});

after(async () => {
  await Promise.all(running.map((registry) => registry.close()));
  for (const secret of [pki.passphrase, pki.client.key.split('\n')[1] ?? '']) {
    assert.ok(!log.lines.some((line) => line.includes(secret)), 'a secret was logged');
  }
  await pki.dispose();
});

async function httpsRegistry(tls: Partial<LocalRegistryTls> = {}): Promise<LocalRegistry> {
  const registry = await startLocalRegistry({
    tls: { cert: pki.server.cert, key: pki.server.key, ...tls },
  });
  running.push(registry);
  return registry;
}

describe('server certificates', () => {
  it('connects through a private CA given as caFile', async () => {
    const registry = await httpsRegistry();
    assert.match(registry.url, /^https:\/\/127\.0\.0\.1:\d+$/);
    const { client } = authClient(registry.url, { settings: { caFile: pki.ca.certFile }, log });
    assert.ok((await client.listTemplates()).length > 0);
    await client.close();
  });

  it('names an untrusted CA and the setting that fixes it', async () => {
    const registry = await httpsRegistry();
    const { client } = authClient(registry.url, { log });
    const error = await rejection(client.listTemplates());
    assert.equal(error.kind, 'tls');
    assert.match(error.reason, /TLS check failed for 127\.0\.0\.1:\d+: .*unknown CA/);
    assert.match(error.reason, /set "caFile" for this registry/);
    await client.close();
  });

  it('names a self-signed certificate', async () => {
    const registry = await httpsRegistry({ cert: pki.selfSigned.cert, key: pki.selfSigned.key });
    const { client } = authClient(registry.url, { log });
    const error = await rejection(client.getDisk());
    assert.equal(error.kind, 'tls');
    assert.match(error.reason, /self-signed; set "caFile"/);
    await client.close();
  });

  it('names an expired certificate', async () => {
    const registry = await httpsRegistry({ cert: pki.expired.cert, key: pki.expired.key });
    const { client } = authClient(registry.url, { settings: { caFile: pki.ca.certFile }, log });
    const error = await rejection(client.listTemplates());
    assert.equal(error.kind, 'tls');
    assert.match(error.reason, /certificate has expired; the registry's administrator must renew/);
    await client.close();
  });

  it('names a host-name mismatch and the names the certificate is for', async () => {
    const registry = await httpsRegistry({ cert: pki.wrongHost.cert, key: pki.wrongHost.key });
    const { client } = authClient(registry.url, { settings: { caFile: pki.ca.certFile }, log });
    const error = await rejection(client.listTemplates());
    assert.equal(error.kind, 'tls');
    assert.match(
      error.reason,
      /does not match its host name; use a host name the certificate names/,
    );
    assert.match(error.reason, /issued for DNS:other\.registry\.test/);
    await client.close();
  });

  it('connects with "insecure" to a self-signed registry, and warns', async () => {
    const registry = await httpsRegistry({ cert: pki.selfSigned.cert, key: pki.selfSigned.key });
    const warned = new LogRecorder();
    const { client } = authClient(registry.url, { settings: { insecure: true }, log: warned });
    assert.ok((await client.listTemplates()).length > 0);
    assert.equal(warned.warnings.length, 1);
    assert.match(warned.warnings[0] ?? '', /secure: TLS verification is off \("insecure": true\)/);
    await client.close();
  });

  it('keeps "insecure" to its own registry', async () => {
    const registry = await httpsRegistry({ cert: pki.selfSigned.cert, key: pki.selfSigned.key });
    const relaxed = authClient(registry.url, { settings: { insecure: true }, log });
    const strict = authClient(registry.url, { log });
    assert.ok((await relaxed.client.listTemplates()).length > 0);
    assert.equal((await rejection(strict.client.listTemplates())).kind, 'tls');
    assert.notEqual(process.env['NODE_TLS_REJECT_UNAUTHORIZED'], '0');
    await Promise.all([relaxed.client.close(), strict.client.close()]);
  });

  it('says when a caFile is missing or not PEM', async () => {
    const registry = await httpsRegistry();
    const missing = authClient(registry.url, { settings: { caFile: '/nonexistent/ca.pem' }, log });
    const error = await rejection(missing.client.listTemplates());
    assert.equal(error.kind, 'tls');
    assert.match(
      error.reason,
      /CA file \/nonexistent\/ca\.pem cannot be read \(it does not exist\); check "caFile"/,
    );
    const notPem = authClient(registry.url, { settings: { caFile: pki.client.keyFile }, log });
    assert.match(
      (await rejection(notPem.client.listTemplates())).reason,
      /holds no PEM certificate/,
    );
    await Promise.all([missing.client.close(), notPem.client.close()]);
  });
});

describe('client certificates', () => {
  const certificate = (cert = pki.client.certFile, key = pki.client.keyFile) => ({
    auth: 'certificate' as const,
    certFile: cert,
    keyFile: key,
    caFile: pki.ca.certFile,
  });

  it('sign in with a certificate the registry trusts', async () => {
    const registry = await httpsRegistry({ clientCa: pki.ca.cert, clientCertificates: 'optional' });
    const { client } = authClient(registry.url, { settings: certificate(), log });
    assert.ok((await client.listTemplates()).length > 0);
    assert.equal(registry.requests.at(-1)?.headers.authorization, undefined);
    await client.close();
  });

  it('work with an encrypted key and its stored passphrase', async () => {
    const registry = await httpsRegistry({ clientCa: pki.ca.cert, clientCertificates: 'required' });
    const settings = certificate(pki.client.certFile, pki.encryptedClientKeyFile);
    const secrets = { keyPassphrase: pki.passphrase };
    const good = authClient(registry.url, { settings, secrets, log });
    assert.ok((await good.client.listTemplates()).length > 0);
    const wrong = authClient(registry.url, { settings, secrets: { keyPassphrase: 'nope' }, log });
    const error = await rejection(wrong.client.listTemplates());
    assert.equal(error.kind, 'unauthorized');
    assert.match(error.reason, /is encrypted and the stored passphrase is missing or wrong/);
    await Promise.all([good.client.close(), wrong.client.close()]);
  });

  it('name a certificate the registry refuses', async () => {
    const registry = await httpsRegistry({ clientCa: pki.ca.cert, clientCertificates: 'optional' });
    const rogue = certificate(pki.rogueClient.certFile, pki.rogueClient.keyFile);
    const { client } = authClient(registry.url, { settings: rogue, log });
    const error = await rejection(client.listTemplates());
    assert.match(
      error.reason,
      new RegExp(`refused ${pki.rogueClient.certFile.replace(/[.]/g, '\\.')}`),
    );
    assert.match(
      error.reason,
      /"certFile" and "keyFile" are a pair issued by a CA the registry trusts/,
    );
    await client.close();
  });

  it('say that a registry requires one when none is sent', async () => {
    const registry = await httpsRegistry({ clientCa: pki.ca.cert, clientCertificates: 'required' });
    const { client } = authClient(registry.url, { settings: { caFile: pki.ca.certFile }, log });
    const error = await rejection(client.listTemplates());
    assert.match(error.reason, /requires a client certificate/);
    await client.close();
  });

  it('name a certificate and key that do not belong together', async () => {
    const registry = await httpsRegistry({ clientCa: pki.ca.cert, clientCertificates: 'optional' });
    const mixed = certificate(pki.client.certFile, pki.rogueClient.keyFile);
    const { client } = authClient(registry.url, { settings: mixed, log });
    const error = await rejection(client.listTemplates());
    assert.equal(error.kind, 'tls');
    assert.match(error.reason, /do not belong together; check "certFile" and "keyFile"/);
    await client.close();
  });

  it('need https', async () => {
    const { client } = authClient('http://127.0.0.1:9', { settings: certificate(), log });
    assert.match(
      (await rejection(client.listTemplates())).reason,
      /need an https:\/\/ registry URL/,
    );
    await client.close();
  });
});
