// The anka CLI's own registry list: its shapes, the fallback to list-repos, and the stand-in CLI.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import {
  AnkaCli, CliError, isCliError, listingFromEnvelope, parseRegistryListing,
  readConfiguredRegistries, type CliEnvelope, type CliLogger,
} from '../../src/cli';
import { FAKE_ANKA, fakeEnv, makeHome, removeHome } from './fakeAnkaSupport';
import { runCli } from '../../src/cli/run';

function envelope(body: unknown): CliEnvelope {
  return { status: 'OK', code: 0, message: '', body, exceptionType: undefined };
}

describe('reading the registry list of the anka CLI', () => {
  it('reads a list of {name, url, default}', () => {
    const listing = parseRegistryListing([
      { name: 'ci', url: 'http://ci.example:8089', default: true },
      { name: 'lab', url: 'https://lab.example:8089' },
    ]);
    assert.deepEqual(listing, {
      registries: [
        { name: 'ci', url: 'http://ci.example:8089', isDefault: true },
        { name: 'lab', url: 'https://lab.example:8089', isDefault: false },
      ],
      skipped: [],
    });
  });

  it('reads the list-repos object keyed by name, ports as text or numbers', () => {
    const listing = parseRegistryListing({
      ci: { host: '10.0.0.5', scheme: 'http', port: '8089', default: true },
      lab: { host: 'lab.example', scheme: 'https', port: 8443, default: false },
      plain: { host: 'plain.example' },
    });
    assert.deepEqual(listing?.registries.map((r) => [r.name, r.url, r.isDefault]), [
      ['ci', 'http://10.0.0.5:8089', true],
      ['lab', 'https://lab.example:8443', false],
      ['plain', 'http://plain.example', false],
    ]);
  });

  it('reads {default, registries} with URLs as values, and a host that has its scheme', () => {
    const wrapped = parseRegistryListing({
      default: 'b',
      registries: { a: 'http://a.example:8089', b: 'http://b.example:8089' },
    });
    assert.deepEqual(wrapped?.registries.map((r) => [r.name, r.isDefault]), [
      ['a', false],
      ['b', true],
    ]);
    const named = parseRegistryListing({ repos: { host: 'r.example', port: '8089' } });
    assert.deepEqual(named?.registries.map((r) => [r.name, r.url]), [
      ['repos', 'http://r.example:8089'],
    ]);
    const withScheme = parseRegistryListing({ x: { host: 'https://x.example', port: '8089' } });
    assert.equal(withScheme?.registries[0]?.url, 'https://x.example:8089');
  });

  it('keeps the TLS and sign-in options the CLI names', () => {
    const listing = parseRegistryListing([{
      name: 'secure', url: 'https://s.example:8089', cacert: '/etc/ca.pem',
      cert: '/etc/node.pem', insecure: 'true', api_key_id: 'ci-key',
    }]);
    assert.deepEqual(listing?.registries[0], {
      name: 'secure', url: 'https://s.example:8089', isDefault: false,
      caFile: '/etc/ca.pem', certFile: '/etc/node.pem', insecure: true, apiKeyId: 'ci-key',
    });
  });

  it('skips OCI registries and entries without an address, saying why', () => {
    const listing = parseRegistryListing({
      hub: { url: 'https://index.docker.io', oci_version: 'v2' },
      broken: { scheme: 'http' },
      odd: 42,
    });
    assert.equal(listing?.registries.length, 0);
    assert.deepEqual(listing?.skipped.map((s) => s.name), ['hub', 'broken', 'odd']);
    assert.match(listing?.skipped[0]?.reason ?? '', /OCI/);
    assert.match(listing?.skipped[1]?.reason ?? '', /no address/);
  });

  it('refuses other shapes with a clear error; an empty body is an empty list', () => {
    assert.equal(parseRegistryListing('ci http://x'), undefined);
    assert.equal(parseRegistryListing(7), undefined);
    assert.deepEqual(listingFromEnvelope(envelope(null), 'read'), { registries: [], skipped: [] });
    assert.deepEqual(listingFromEnvelope(envelope({}), 'read'), { registries: [], skipped: [] });
    assert.throws(
      () => listingFromEnvelope(envelope('text'), 'read the list'),
      (error: unknown) => isCliError(error) && error.kind === 'invalidOutput' &&
        /Could not read the list: .*unknown form: "text"/.test(error.message),
    );
  });
});

function failure(message: string, problem?: 'noRegistry', usage = false): CliError {
  const envelope: CliEnvelope = {
    status: 'ERROR', code: 1, message, body: {},
    exceptionType: usage ? 'UsageException' : 'AnkaException',
  };
  return new CliError({ kind: 'failed', operation: 'op', reason: message, problem, envelope });
}

describe('asking the CLI, newest command first', () => {
  it('uses `registry --list` when the CLI knows it', async () => {
    const asked: string[] = [];
    const listing = await readConfiguredRegistries(async (args) => {
      asked.push(args.join(' '));
      return envelope([{ name: 'ci', url: 'http://ci:8089' }]);
    });
    assert.deepEqual(asked, ['-j registry --list']);
    assert.equal(listing.registries.length, 1);
  });

  it('falls back to list-repos when --list is unknown', async () => {
    const asked: string[] = [];
    const listing = await readConfiguredRegistries(async (args) => {
      asked.push(args.join(' '));
      if (args.includes('--list')) {
        throw failure('unknown option --list', undefined, true);
      }
      return envelope({ ci: { host: 'ci', scheme: 'http', port: '8089', default: true } });
    });
    assert.deepEqual(asked, ['-j registry --list', '-j registry list-repos']);
    assert.equal(listing.registries[0]?.url, 'http://ci:8089');
  });

  it('reads "no registry configured" as an empty list', async () => {
    const listing = await readConfiguredRegistries(async () => {
      throw failure('No registry configured', 'noRegistry');
    });
    assert.deepEqual(listing, { registries: [], skipped: [] });
  });

  it('throws other failures without trying list-repos', async () => {
    let calls = 0;
    const broken = new CliError({
      kind: 'invalidOutput', operation: 'op', reason: 'the anka CLI printed no JSON result',
    });
    await assert.rejects(readConfiguredRegistries(async () => {
      calls++;
      throw broken;
    }), broken);
    assert.equal(calls, 1);
  });

  it('reports the first refusal when neither command is known', async () => {
    const first = failure('unknown option --list', undefined, true);
    await assert.rejects(readConfiguredRegistries(async (args) => {
      throw args.includes('--list') ? first : failure('unknown command list-repos');
    }), first);
  });
});

const quietLog: CliLogger = {
  trace: () => undefined, debug: () => undefined, info: () => undefined,
  warn: () => undefined, error: () => undefined,
};

/** AnkaCli on the stand-in with a home of two registries and the given modes. */
async function listWithFake(modes: Record<string, string>) {
  const home = await makeHome();
  await writeFile(path.join(home, 'registries.json'), JSON.stringify({
    default: 'lab',
    registries: { ci: 'http://127.0.0.1:8089', lab: 'https://127.0.0.1:9443' },
  }));
  const env = fakeEnv(home, modes);
  const cli = new AnkaCli(FAKE_ANKA, quietLog, (options) => runCli({ ...options, env }));
  try {
    return await cli.configuredRegistries();
  } finally {
    await removeHome(home);
  }
}

describe('the stand-in CLI through AnkaCli', () => {
  for (const shape of ['list', 'object', 'legacy']) {
    it(`reads the registries of a "${shape}" CLI`, async () => {
      const listing = await listWithFake({ FAKE_ANKA_REGISTRY_LIST: shape });
      assert.deepEqual(listing.registries.map((r) => [r.name, r.url, r.isDefault]), [
        ['ci', 'http://127.0.0.1:8089', false],
        ['lab', 'https://127.0.0.1:9443', true],
      ]);
    });
  }

  it('fails clearly when the CLI prints text instead of JSON', async () => {
    await assert.rejects(listWithFake({ FAKE_ANKA_FAIL: 'garbage' }), (error: unknown) =>
      isCliError(error) && error.kind === 'invalidOutput' &&
      /registries configured for the anka CLI/.test(error.message));
  });
});
