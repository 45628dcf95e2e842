// Keys, the neutral auth description for the anka CLI, and the words of auth failures.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  describeRegistryAuth,
  parsePrivateKey,
  privateKeyToPem,
  publicKeyForRegistry,
  rootTokenHeader,
} from '../../src/registry/auth';
import { classifyTransportError, explainForbidden } from '../../src/registry/classify';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pkcs1Pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const pkcs8Pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const pkcs1Der = privateKey.export({ type: 'pkcs1', format: 'der' }).toString('base64');
const spki = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');

describe('API key private keys', () => {
  it('read PKCS#1 PEM, PKCS#8 PEM and the base64 DER the registry generates', () => {
    const wrapped = `${pkcs1Der.slice(0, 64)}\n${pkcs1Der.slice(64)}`;
    for (const text of [pkcs1Pem, pkcs8Pem, pkcs1Der, wrapped]) {
      assert.equal(parsePrivateKey(text).asymmetricKeyDetails?.modulusLength, 2048);
    }
  });

  it('refuse what is not an unencrypted RSA private key, saying why', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
    const cases: Array<[string, RegExp]> = [
      ['', /empty/],
      [publicKey.export({ type: 'spki', format: 'pem' }).toString(), /public key or certificate/],
      [privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'p' })
        .toString(), /encrypted/],
      [ec.export({ type: 'pkcs8', format: 'pem' }).toString(), /is ec an RSA key|not an RSA/],
      ['-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----', /not a readable/],
    ];
    for (const [text, reason] of cases) {
      assert.throws(() => parsePrivateKey(text), reason);
    }
  });

  it('turn a generated key into PKCS#1 PEM', () => {
    const pem = privateKeyToPem(pkcs1Der);
    assert.match(pem, /^-----BEGIN RSA PRIVATE KEY-----\n/);
    assert.equal(pem, pkcs1Pem);
  });

  it('give the registry an SPKI public key from a public or a private PEM', () => {
    assert.equal(
      publicKeyForRegistry(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
      spki,
    );
    assert.equal(
      publicKeyForRegistry(publicKey.export({ type: 'pkcs1', format: 'pem' }).toString()),
      spki,
    );
    assert.equal(publicKeyForRegistry(pkcs8Pem), spki);
    assert.throws(() => publicKeyForRegistry('nonsense'), /not a usable RSA public key/);
  });
});

describe('rootTokenHeader', () => {
  it('is Basic root:<token>', () => {
    assert.equal(rootTokenHeader('1111111111'), 'Basic cm9vdDoxMTExMTExMTEx');
  });
});

describe('describeRegistryAuth', () => {
  const secrets = { rootToken: 't', apiKeyPem: pkcs1Pem, keyPassphrase: 'p' };

  it('keeps only what the auth kind uses, and never the root token or passphrase', () => {
    assert.deepEqual(describeRegistryAuth({}, secrets), { kind: 'none' });
    assert.deepEqual(describeRegistryAuth({ auth: 'rootToken', apiKeyId: 'x' }, secrets), {
      kind: 'rootToken',
    });
    const apiKey = { auth: 'apiKey' as const, apiKeyId: 'ci', certFile: '/c' };
    assert.deepEqual(describeRegistryAuth(apiKey, secrets), {
      kind: 'apiKey',
      apiKeyId: 'ci',
      apiKeyPem: pkcs1Pem,
    });
    const certificate = { auth: 'certificate' as const, certFile: '/c.pem', keyFile: '/k.pem',
      caFile: '/ca.pem', insecure: true };
    assert.deepEqual(describeRegistryAuth(certificate, secrets), {
      kind: 'certificate',
      certFile: '/c.pem',
      keyFile: '/k.pem',
      caFile: '/ca.pem',
      insecure: true,
    });
  });

  it('leaves out a key that is not stored', () => {
    assert.deepEqual(describeRegistryAuth({ auth: 'apiKey', apiKeyId: 'ci' }, {}), {
      kind: 'apiKey',
      apiKeyId: 'ci',
    });
  });
});

describe('explainForbidden', () => {
  it('names the permission a registry mentions', () => {
    assert.match(explainForbidden('group ci has no push_tag'), /lack the "push_tag" permission/);
    assert.match(explainForbidden('Permission denied: pull'), /lack the "pull" permission/);
    assert.match(explainForbidden('pull request forbidden'), /not allowed to do this/);
    assert.match(explainForbidden(undefined), /not allowed to do this/);
  });
});

describe('classifyTransportError with a client certificate or proxy', () => {
  const code = 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED';
  const alert = Object.assign(new Error('alert'), { code });

  it('asks for a client certificate on a TLS alert, or names the one that was refused', () => {
    assert.match(classifyTransportError(alert, 'r:1').reason, /requires a client certificate/);
    const refused = classifyTransportError(alert, 'r:1', { clientCertificate: '/me.pem' });
    assert.match(refused.reason, /refused the client certificate \/me\.pem/);
  });

  it('blames TLS inspection by a proxy as a possibility', () => {
    const unknownCa = Object.assign(new Error('x'), { code: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' });
    const failure = classifyTransportError(unknownCa, 'r:1', { proxy: 'http://proxy:3128' });
    assert.match(failure.reason, /through the proxy http:\/\/proxy:3128/);
  });

  it('still accepts the proxy alone, as a string', () => {
    const refused = Object.assign(new Error('x'), { code: 'ECONNREFUSED' });
    assert.match(
      classifyTransportError(refused, 'r:1', 'http://p:1').reason,
      /refused by the proxy http:\/\/p:1/,
    );
  });
});
