import * as assert from 'node:assert/strict';
import type { AnkaRegistryApi } from '../../src/extension';
import type { RegistryNode } from '../../src/tree/nodes';
import { createTestPki, type TestPki } from '../registry/pki';
import { startLocalRegistry, type LocalRegistry } from '../registry/server';
import { pemMarker, ROOT_TOKEN, usedSecrets } from './authFixtures';
import { configure, errorUnder, templatesUnder } from './authHelpers';
import { activateExtension, setRegistries } from './helpers';
import { ScriptedUi } from './scriptedUi';

describe('https registries in the extension host', () => {
  let api: AnkaRegistryApi;
  let pki: TestPki;
  let mtls: LocalRegistry;
  let selfSigned: LocalRegistry;
  let ui: ScriptedUi;

  before(async () => {
    pki = await createTestPki();
    usedSecrets.push(pki.passphrase, pemMarker(pki.client.key));
    const server = { cert: pki.server.cert, key: pki.server.key };
    const clients = { clientCa: pki.ca.cert, clientCertificates: 'optional' as const };
    mtls = await startLocalRegistry({ rootToken: ROOT_TOKEN, tls: { ...server, ...clients } });
    const own = { cert: pki.selfSigned.cert, key: pki.selfSigned.key };
    selfSigned = await startLocalRegistry({ tls: own });
    api = await activateExtension();
  });

  after(async () => {
    await setRegistries([]);
    await Promise.all([mtls.close(), selfSigned.close()]);
    await pki.dispose();
  });

  beforeEach(() => {
    ui = new ScriptedUi().install();
  });

  afterEach(() => ui.restore());

  it('connect with a CA file and a client certificate whose passphrase is a secret', async () => {
    const entry = {
      name: 'mTLS',
      url: mtls.url,
      auth: 'certificate',
      certFile: pki.client.certFile,
      keyFile: pki.encryptedClientKeyFile,
      caFile: pki.ca.certFile,
    };
    await api.secrets.replace(entry, { keyPassphrase: pki.passphrase });
    const [node] = (await configure(api, [entry])) as [RegistryNode];
    await templatesUnder(api, node);
    assert.equal(mtls.requests.at(-1)?.headers.authorization, undefined);
  });

  it('name an untrusted CA and the setting that fixes it', async () => {
    const entry = { name: 'Untrusted', url: mtls.url, auth: 'rootToken' };
    await api.secrets.replace(entry, { rootToken: ROOT_TOKEN });
    const [node] = (await configure(api, [entry])) as [RegistryNode];
    const description = String(api.provider.getTreeItem(await errorUnder(api, node)).description);
    // Node says "unknown CA"; with VS Code's TLS patches it may say "self-signed root".
    assert.match(description, /(unknown CA|self-signed root that is not trusted); set "caFile"/);
  });

  it('connect to a self-signed registry with "insecure" and warn once', async () => {
    const entry = { name: 'Self-signed', url: selfSigned.url, insecure: true };
    const [node] = (await configure(api, [entry])) as [RegistryNode];
    await templatesUnder(api, node);
    api.model.refresh(node);
    await templatesUnder(api, node);
    const warnings = ui.messages.filter((message) => message.severity === 'warning');
    assert.equal(warnings.length, 1, ui.transcript());
    assert.match(warnings[0]?.message ?? '', /Registry "Self-signed": TLS verification is off/);
    assert.deepEqual(warnings[0]?.buttons, ['Edit Registry']);
  });
});
