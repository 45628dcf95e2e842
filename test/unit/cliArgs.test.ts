// Command lines for the anka CLI: every option, every auth kind, the log's redaction.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CliError,
  cloneArgs,
  downloadSizeArgs,
  listArgs,
  pullArgs,
  pushArgs,
  redactArgs,
  registryOptions,
  type CliAuth,
  type CliRegistry,
} from '../../src/cli';

const URL = 'https://anka.example.test:8089';

function registry(auth: CliAuth): CliRegistry {
  return { name: 'CI', url: URL, auth };
}

const NONE = registry({ kind: 'none' });

describe('registry options', () => {
  it('passes the registry by URL, with no auth options for kind none', () => {
    assert.deepEqual(registryOptions(NONE, 'pull'), ['-r', URL]);
  });

  it('adds --cacert and --insecure for any kind', () => {
    const options = registryOptions(
      registry({ kind: 'none', caFile: '/etc/ca.pem', insecure: true }),
      'pull',
    );
    assert.deepEqual(options, ['-r', URL, '--cacert', '/etc/ca.pem', '--insecure']);
  });

  it('passes a client certificate, its key and a CA', () => {
    const options = registryOptions(
      registry({ kind: 'certificate', certFile: '/c.pem', keyFile: '/k.pem', caFile: '/ca.pem' }),
      'pull',
    );
    assert.deepEqual(options, [
      '-r', URL, '--cert', '/c.pem', '--key', '/k.pem', '--cacert', '/ca.pem',
    ]);
  });

  it('leaves --key out when the certificate holds its key', () => {
    const options = registryOptions(registry({ kind: 'certificate', certFile: '/c.pem' }), 'pull');
    assert.deepEqual(options, ['-r', URL, '--cert', '/c.pem']);
  });

  it('ignores certificate files when the kind is not certificate', () => {
    const options = registryOptions(registry({ kind: 'none', certFile: '/c.pem' }), 'pull');
    assert.deepEqual(options, ['-r', URL]);
  });

  it('passes an API key id and the key, preferring a key file over PEM text', () => {
    const pem = '-----BEGIN RSA PRIVATE KEY-----\nAAA\n-----END RSA PRIVATE KEY-----';
    const withText = registryOptions(
      registry({ kind: 'apiKey', apiKeyId: 'ci', apiKeyPem: pem }),
      'p',
    );
    assert.deepEqual(withText, ['-r', URL, '--api-key-id', 'ci', '--api-key', pem]);
    const withFile = registryOptions(
      registry({ kind: 'apiKey', apiKeyId: 'ci', apiKeyPem: pem, apiKeyFile: '/tmp/k.pem' }),
      'p',
    );
    assert.deepEqual(withFile, ['-r', URL, '--api-key-id', 'ci', '--api-key', '/tmp/k.pem']);
  });

  it('refuses a root token in plain words', () => {
    assert.throws(
      () => registryOptions(registry({ kind: 'rootToken' }), 'pull 12.4'),
      (error: unknown) =>
        error instanceof CliError &&
        error.kind === 'unsupportedAuth' &&
        /root token/.test(error.message) &&
        /API key or a client certificate/.test(error.message),
    );
  });

  it('names what is missing for an API key or a certificate', () => {
    const options = (auth: CliAuth) => () => registryOptions(registry(auth), 'p');
    assert.throws(options({ kind: 'apiKey', apiKeyPem: 'x' }), /API key id/);
    assert.throws(options({ kind: 'apiKey', apiKeyId: 'ci' }), /private key/);
    assert.throws(options({ kind: 'certificate' }), /certificate file/);
  });
});

describe('pull, push and other command lines', () => {
  it('puts registry options before the pull subcommand', () => {
    const insecure = registry({ kind: 'none', insecure: true });
    const request = { registry: insecure, template: 'id-1', tag: 'v+1', shrink: true };
    const args = pullArgs(request, 'pull');
    assert.deepEqual(args, [
      '-j', 'registry', '-r', URL, '--insecure', 'pull', '-t', 'v+1', '-s', 'id-1',
    ]);
  });

  it('leaves -t out for the newest tag and never sends "latest"', () => {
    const args = pullArgs({ registry: NONE, template: 'id-1' }, 'pull');
    assert.deepEqual(args, ['-j', 'registry', '-r', URL, 'pull', 'id-1']);
    assert.ok(!args.includes('latest'));
  });

  it('builds a push with tag, description and target template', () => {
    const args = pushArgs(
      {
        registry: NONE,
        vm: 'my vm',
        tag: 't1',
        description: 'with spaces',
        remoteTemplate: 'base',
      },
      'push',
    );
    assert.deepEqual(args, [
      '-j', 'registry', '-r', URL, 'push', '-t', 't1', '-d', 'with spaces', '-v', 'base', 'my vm',
    ]);
  });

  it('builds a push without description or target template', () => {
    const args = pushArgs({ registry: NONE, vm: 'vm', tag: 't1' }, 'push');
    assert.deepEqual(args, ['-j', 'registry', '-r', URL, 'push', '-t', 't1', 'vm']);
  });

  it('asks for the download size in the 3.x and the 2.x form', () => {
    const withCa = registry({ kind: 'none', caFile: '/ca.pem' });
    const request = { registry: withCa, template: 'id', tag: 't' };
    assert.deepEqual(downloadSizeArgs(request, 'pull', 'check'), [
      '-j', 'pull', '--check-download-size', '-t', 't', 'id', URL,
    ]);
    assert.deepEqual(downloadSizeArgs(request, 'registry', 'check'), [
      '-j', 'registry', '-r', URL, '--cacert', '/ca.pem', 'check-download-size', '-t', 't', 'id',
    ]);
  });

  it('lists and clones VMs', () => {
    assert.deepEqual(listArgs(), ['-j', 'list']);
    assert.deepEqual(cloneArgs('a', 'b'), ['-j', 'clone', 'a', 'b']);
  });

  it('redacts the API key in the logged command line and quotes the rest', () => {
    const args = pushArgs(
      {
        registry: registry({ kind: 'apiKey', apiKeyId: 'ci', apiKeyPem: '-----BEGIN x' }),
        vm: 'my vm',
        tag: 't',
        description: "it's",
      },
      'push',
    );
    const line = redactArgs(args);
    assert.ok(!line.includes('BEGIN'), line);
    assert.match(line, /--api-key <redacted>/);
    assert.match(line, /'my vm'/);
    assert.match(line, /'it'\\''s'/);
  });
});
