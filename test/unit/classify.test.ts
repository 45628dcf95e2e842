import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyTransportError } from '../../src/registry/classify';
import { summarizeBody } from '../../src/registry/responseBody';

function withCode(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}

describe('classifyTransportError', () => {
  it('names refused connections, DNS failures and resets', () => {
    assert.equal(
      classifyTransportError(withCode('ECONNREFUSED'), 'reg:1').kind,
      'connectionRefused',
    );
    assert.equal(classifyTransportError(withCode('ENOTFOUND'), 'reg:1').kind, 'dns');
    assert.equal(
      classifyTransportError(withCode('UND_ERR_SOCKET'), 'reg:1').kind,
      'connectionReset',
    );
  });

  it('says which TLS check failed, also when wrapped in a cause', () => {
    const wrapped = new Error('fetch failed', { cause: withCode('CERT_HAS_EXPIRED') });
    const failure = classifyTransportError(wrapped, 'reg:8089');
    assert.equal(failure.kind, 'tls');
    assert.match(failure.reason, /expired/);
    assert.match(failure.reason, /reg:8089/);
    const selfSigned = classifyTransportError(withCode('DEPTH_ZERO_SELF_SIGNED_CERT'), 'h');
    assert.match(selfSigned.reason, /self-signed/);
    const mismatch = classifyTransportError(withCode('ERR_TLS_CERT_ALTNAME_INVALID'), 'h');
    assert.match(mismatch.reason, /host name/);
    const unknownCa = classifyTransportError(withCode('UNABLE_TO_VERIFY_LEAF_SIGNATURE'), 'h');
    assert.match(unknownCa.reason, /unknown CA/);
  });

  it('turns undici timeouts into timeouts', () => {
    assert.equal(classifyTransportError(withCode('UND_ERR_HEADERS_TIMEOUT'), 'h').kind, 'timeout');
    assert.equal(classifyTransportError(withCode('UND_ERR_CONNECT_TIMEOUT'), 'h').kind, 'timeout');
  });

  it('keeps the message of anything unknown', () => {
    const failure = classifyTransportError(new Error('strange'), 'h');
    assert.equal(failure.kind, 'network');
    assert.match(failure.reason, /strange/);
  });
});

describe('summarizeBody', () => {
  it('prefers the page title of an HTML page', () => {
    const page = '<html><head><title>502 Bad Gateway</title></head><body><h1>x</h1></body></html>';
    assert.equal(summarizeBody(page), '502 Bad Gateway');
  });

  it('strips tags and scripts and shortens long text', () => {
    assert.equal(
      summarizeBody('<div><script>evil()</script><b>Oops</b> &amp; more</div>'),
      'Oops & more',
    );
    assert.ok(summarizeBody('x'.repeat(500)).length <= 201);
    assert.equal(summarizeBody('   '), 'an empty body');
  });
});
