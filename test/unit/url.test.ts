import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidRegistryUrlError, normalizeRegistryUrl, redactUrl } from '../../src/registry';

describe('normalizeRegistryUrl', () => {
  it('trims, adds http:// and drops trailing slashes', () => {
    assert.equal(normalizeRegistryUrl('  anka.registry:8089/  '), 'http://anka.registry:8089');
    assert.equal(
      normalizeRegistryUrl('https://reg.example.test:8089///'),
      'https://reg.example.test:8089',
    );
    assert.equal(normalizeRegistryUrl('HTTP://Reg:8089'), 'http://reg:8089');
  });

  it('keeps a path prefix but drops a query and fragment', () => {
    assert.equal(normalizeRegistryUrl('http://proxy:80/anka/?x=1#y'), 'http://proxy/anka');
  });

  it('accepts IPv6 and IPv4 literals', () => {
    assert.equal(normalizeRegistryUrl('127.0.0.1:8089'), 'http://127.0.0.1:8089');
    assert.equal(normalizeRegistryUrl('http://[::1]:8089'), 'http://[::1]:8089');
  });

  it('refuses empty input, other schemes and credentials with a reason', () => {
    assert.throws(() => normalizeRegistryUrl('   '), /empty/);
    assert.throws(() => normalizeRegistryUrl('ftp://reg:21'), /http or https/);
    assert.throws(
      () => normalizeRegistryUrl('http://root:secret@reg:8089'),
      InvalidRegistryUrlError,
    );
    assert.throws(() => normalizeRegistryUrl('http://'), InvalidRegistryUrlError);
  });
});

describe('redactUrl', () => {
  it('removes credentials', () => {
    assert.equal(redactUrl('http://root:secret@reg:8089/x'), 'http://reg:8089/x');
    assert.ok(!redactUrl('not a url //user:pw@host').includes('pw'));
  });
});
