// What importing the anka CLI's registries offers: new ones, configured ones (by URL), skipped.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CliConfiguredRegistry, CliRegistryListing } from '../../src/cli';
import { describeImport, planImport } from '../../src/commands/importPlan';
import type { RegistryEntry } from '../../src/tree/nodes';

function cli(name: string, url: string, extra: Partial<CliConfiguredRegistry> = {}) {
  return { name, url, isDefault: false, ...extra };
}

function listing(...registries: CliConfiguredRegistry[]): CliRegistryListing {
  return { registries, skipped: [] };
}

const configured: RegistryEntry[] = [
  { name: 'CI', url: 'http://ci.example:8089' },
  { name: 'lab', url: 'https://lab.example:8089' },
];

describe('planning an import from the anka CLI', () => {
  it('offers what is new and matches configured registries by URL, not by name', () => {
    const plan = planImport(listing(
      cli('build-ci', 'ci.example:8089/'),
      cli('staging', 'http://staging.example:8089', { isDefault: true }),
    ), configured);
    assert.deepEqual(plan.alreadyConfigured.map((m) => [m.source.name, m.configuredAs]), [
      ['build-ci', 'CI'],
    ]);
    assert.deepEqual(plan.candidates.map((c) => c.entry), [
      { name: 'staging', url: 'http://staging.example:8089' },
    ]);
  });

  it('gives a taken name a number and skips the same URL twice', () => {
    const plan = planImport(listing(
      cli('CI', 'http://other.example:8089'),
      cli('CI-copy', 'http://other.example:8089'),
      cli('CI', 'http://third.example:8089'),
    ), configured);
    assert.deepEqual(plan.candidates.map((c) => c.entry.name), ['CI (2)', 'CI (3)']);
    assert.deepEqual(plan.skipped.map((s) => s.name), ['CI-copy']);
    assert.match(plan.skipped[0]?.reason ?? '', /same URL as "CI"/);
  });

  it('skips URLs that cannot be used, keeping the parser\'s own skips', () => {
    const plan = planImport({
      registries: [cli('ftp', 'ftp://files.example'), cli('creds', 'http://u:p@x.example')],
      skipped: [{ name: 'hub', reason: 'an OCI registry, not an Anka Registry' }],
    }, []);
    assert.equal(plan.candidates.length, 0);
    assert.deepEqual(plan.skipped.map((s) => s.name), ['hub', 'ftp', 'creds']);
    assert.match(plan.skipped[1]?.reason ?? '', /scheme must be http or https/);
  });

  it('keeps TLS and sign-in options for https only; a certificate may hold its key', () => {
    const plan = planImport(listing(
      cli('secure', 'https://s.example:8089', {
        certFile: '/etc/node.pem', caFile: '/etc/ca.pem', insecure: true,
      }),
      cli('keyed', 'http://k.example:8089', { apiKeyId: 'ci', caFile: '/etc/ca.pem' }),
    ), []);
    assert.deepEqual(plan.candidates.map((c) => c.entry), [
      {
        name: 'secure', url: 'https://s.example:8089', auth: 'certificate',
        certFile: '/etc/node.pem', keyFile: '/etc/node.pem', caFile: '/etc/ca.pem', insecure: true,
      },
      { name: 'keyed', url: 'http://k.example:8089', auth: 'apiKey', apiKeyId: 'ci' },
    ]);
  });

  it('sums the result up: added, not imported and what to do next', () => {
    const plan = planImport({
      registries: [cli('a', 'http://a:1'), cli('b', 'http://b:1', { apiKeyId: 'k' })],
      skipped: [{ name: 'hub', reason: 'an OCI registry' }],
    }, []);
    const added = plan.candidates.map((c) => c.entry);
    assert.equal(
      describeImport(added, plan),
      'Added 2 registries from the anka CLI: "a", "b". Not imported: hub (an OCI registry). ' +
        'Use Sign In Again on "b" to enter the API key.',
    );
    assert.equal(
      describeImport(added.slice(0, 1), { ...plan, skipped: [] }),
      'Added the registry "a" from the anka CLI.',
    );
  });
});
