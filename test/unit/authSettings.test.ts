// The connection fields of registry entries, and API key lifetimes and groups as typed.
import assert from 'node:assert/strict';
import { homedir } from 'node:os';
import { describe, it } from 'node:test';
import {
  describeKeyDates, isExpired, keyIdProblem, parseGroups, parseTtl, ttlProblem,
} from '../../src/commands/apiKeys/apiKeyText';
import { connectionFields, readConnection } from '../../src/config/connectionSettings';
import type { ApiKey } from '../../src/registry';

describe('readConnection', () => {
  const read = (item: Record<string, unknown>, url = 'https://r.corp:8089') => {
    const problems: string[] = [];
    return { settings: readConnection(item, 'entry[0]', url, problems), problems };
  };

  it('keeps every connection field that is set, expanding ~ in paths', () => {
    const { settings, problems } = read({
      auth: 'certificate',
      certFile: '~/certs/me.pem',
      keyFile: '/keys/me.key',
      caFile: ' /ca.pem ',
      insecure: true,
      apiKeyId: 'ignored-but-kept',
    });
    assert.deepEqual(settings, {
      auth: 'certificate',
      apiKeyId: 'ignored-but-kept',
      certFile: `${homedir()}/certs/me.pem`,
      keyFile: '/keys/me.key',
      caFile: '/ca.pem',
      insecure: true,
    });
    assert.deepEqual(problems, []);
  });

  it('names what cannot be used or is missing', () => {
    assert.deepEqual(read({ auth: 'password' }).problems, [
      'entry[0].auth must be one of none, rootToken, apiKey, certificate; it is ignored',
    ]);
    assert.deepEqual(read({ auth: 'apiKey' }).problems, [
      'entry[0] signs in with an API key but has no apiKeyId',
    ]);
    assert.deepEqual(read({ auth: 'certificate', certFile: '/c.pem' }).problems, [
      'entry[0] signs in with a client certificate but lacks certFile or keyFile',
    ]);
    assert.deepEqual(read({ caFile: 'relative.pem', insecure: true }, 'http://r:1').problems, [
      'entry[0].caFile should be an absolute path, not "relative.pem"',
      'entry[0] has TLS settings but an http:// URL; they only apply to https://',
    ]);
  });

  it('ignores "insecure" unless it is exactly true', () => {
    assert.deepEqual(read({ insecure: 'yes' }).settings, {});
  });
});

describe('connectionFields', () => {
  it('stores only the fields of the auth kind, never none or false', () => {
    assert.deepEqual(connectionFields({ auth: 'none', insecure: false }), {});
    assert.deepEqual(connectionFields({ auth: 'rootToken', apiKeyId: 'x', certFile: '/c' }), {
      auth: 'rootToken',
    });
    assert.deepEqual(connectionFields({ auth: 'apiKey', apiKeyId: 'ci', caFile: '/ca.pem' }), {
      auth: 'apiKey',
      apiKeyId: 'ci',
      caFile: '/ca.pem',
    });
  });
});

describe('API key lifetimes and groups', () => {
  it('read seconds or durations', () => {
    assert.equal(parseTtl('3600'), 3600);
    assert.equal(parseTtl('90d'), 90 * 86400);
    assert.equal(parseTtl(' 1d 12h '), 36 * 3600);
    assert.equal(parseTtl('2w'), 14 * 86400);
    assert.equal(parseTtl('1y'), 365 * 86400);
    assert.match(ttlProblem('0') ?? '', /more than 0/);
    assert.match(ttlProblem('soon') ?? '', /90d, 12h/);
    assert.equal(ttlProblem('30m'), undefined);
  });

  it('split groups on commas and spaces, without repeats', () => {
    assert.deepEqual(parseGroups(' ci, qa ,ci  release,'), ['ci', 'qa', 'release']);
    assert.deepEqual(parseGroups(''), []);
  });

  it('refuse empty, odd or taken key ids', () => {
    assert.match(keyIdProblem(' ', []) ?? '', /Enter an id/);
    assert.match(keyIdProblem('a b', []) ?? '', /spaces/);
    assert.match(keyIdProblem('ci-bot', ['ci-bot']) ?? '', /already has a key "ci-bot"/);
    assert.equal(keyIdProblem('runner-2', ['ci-bot']), undefined);
  });

  it('describe created and expiry dates, past or future', () => {
    const now = Date.parse('2026-12-04T12:00:00Z');
    const key = (expiration: string): ApiKey => ({
      id: 'k',
      groups: [],
      created: '2026-11-01T10:00:00Z',
      expiration,
      raw: {},
    });
    const future = describeKeyDates(key('2026-12-25T12:00:00Z'), now);
    assert.match(future, /^created 2026-11-0\d .* · expires in 3 weeks$/);
    assert.match(describeKeyDates(key('2026-12-01T12:00:00Z'), now), /· expired 3 days ago$/);
    assert.equal(isExpired(key('2026-12-01T12:00:00Z'), now), true);
    assert.equal(isExpired(key('garbage'), now), false);
  });
});
