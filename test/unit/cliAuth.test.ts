// A registry's settings and secrets as the anka CLI takes them.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { CliError, registryOptions } from '../../src/cli';
import { cliAuthOf } from '../../src/commands/cliAuth';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PKCS1_PEM = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const PKCS8_PEM = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const BASE64_DER = privateKey.export({ type: 'pkcs1', format: 'der' }).toString('base64');

const entry = { name: 'CI', url: 'https://anka.example.test:8089' };

describe('auth for the anka CLI', () => {
  it('passes nothing for a registry without auth, but keeps a CA file and insecure', () => {
    assert.deepEqual(cliAuthOf(entry, {}, 'pull'), { kind: 'none' });
    const tls = cliAuthOf({ ...entry, caFile: '/ca.pem', insecure: true }, {}, 'pull');
    assert.deepEqual(tls, { kind: 'none', caFile: '/ca.pem', insecure: true });
  });

  it('hands an API key over as PKCS#1 PEM, whichever form is stored', () => {
    for (const stored of [PKCS1_PEM, PKCS8_PEM, BASE64_DER]) {
      const settings = { ...entry, auth: 'apiKey' as const, apiKeyId: 'ci' };
      const auth = cliAuthOf(settings, { apiKeyPem: stored }, 'p');
      assert.equal(auth.kind, 'apiKey');
      assert.equal(auth.apiKeyId, 'ci');
      assert.equal(auth.apiKeyPem, PKCS1_PEM);
    }
  });

  it('says when a stored API key cannot be read', () => {
    assert.throws(
      () => cliAuthOf({ ...entry, auth: 'apiKey', apiKeyId: 'ci' }, { apiKeyPem: 'garbage' }, 'p'),
      (error: unknown) =>
        error instanceof CliError && /API key of registry "CI" cannot be read/.test(error.message),
    );
  });

  it('passes certificate files, and refuses a key behind a passphrase', () => {
    const files = { certFile: '/c.pem', keyFile: '/k.pem' };
    const settings = { ...entry, auth: 'certificate' as const, ...files };
    assert.deepEqual(cliAuthOf(settings, {}, 'p'), {
      kind: 'certificate',
      certFile: '/c.pem',
      keyFile: '/k.pem',
    });
    assert.throws(() => cliAuthOf(settings, { keyPassphrase: 'x' }, 'p'), /passphrase/);
  });

  it('keeps a root token out: the argument builder then says the CLI cannot take one', () => {
    const auth = cliAuthOf({ ...entry, auth: 'rootToken' }, { rootToken: 'secret' }, 'p');
    assert.deepEqual(auth, { kind: 'rootToken' });
    assert.throws(() => registryOptions({ ...entry, auth }, 'p'), /cannot be given a root token/);
  });
});
