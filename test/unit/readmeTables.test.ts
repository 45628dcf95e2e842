import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';

type Json = Record<string, unknown>;

interface ManifestTables {
  generatedTables(files: { manifest: Json; nls: Json; descriptions: Json }): Record<string, string>;
  fillReadme(readme: string, tables: Record<string, string>): string;
  rowKinds(when: string): string[];
  placesOf(manifest: Json, nls: Json, command: string): string[];
}

interface ReadmeTables {
  readmeTables(root: string): Promise<{ readme: string; expected: string }>;
}

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const SCRIPT = path.join(REPO_ROOT, 'scripts', 'readme-tables.mjs');

// Plain ES modules of the build scripts, loaded as they run.
async function load<T>(file: string): Promise<T> {
  return (await import(pathToFileURL(path.join(REPO_ROOT, file)).href)) as T;
}

const MANIFEST = {
  contributes: {
    commands: [
      { command: 'x.add', title: '%command.add%', category: 'X' },
      { command: 'x.retry', title: 'Retry', category: 'X' },
    ],
    menus: {
      commandPalette: [{ command: 'x.retry', when: 'false' }],
      'view/title': [{ command: 'x.add', when: 'view == v', group: 'navigation@1' }],
      'view/item/context': [
        { command: 'x.retry', when: 'view == v && viewItem =~ /^error\\b/', group: 'inline@1' },
        { command: 'x.retry', when: 'view == v && viewItem =~ /^error\\b/', group: '1_general' },
      ],
    },
    viewsWelcome: [{ view: 'v', contents: '%welcome%' }],
    configuration: {
      properties: {
        'x.order': {
          type: 'string', default: 'name', enum: ['name', 'size'],
          enumDescriptions: ['By name.', '%order.size%'],
          markdownDescription: '%order.description%',
        },
      },
    },
  },
};
const NLS = {
  'command.add': 'Add Thing...',
  welcome: 'Nothing yet.\n[Add](command:x.add)',
  'order.size': 'Largest first.',
  'order.description': 'The order, see `#x.other#`. A | B.',
};
const DESCRIPTIONS = { 'x.add': 'Adds a thing.', 'x.retry': 'Tries again.' };
const README = [
  '# X', '', '<!-- settings:start -->', 'old', '<!-- settings:end -->',
  '<!-- registry-fields:start -->', '<!-- registry-fields:end -->',
  '<!-- commands:start -->', '| stale |', '<!-- commands:end -->', '',
].join('\n');

describe('the README tables', () => {
  let tables: ManifestTables;
  let dir: string;

  before(async () => {
    tables = await load<ManifestTables>('scripts/lib/manifest-tables.mjs');
    dir = await mkdtemp(path.join(os.tmpdir(), 'readme-tables-'));
    await mkdir(path.join(dir, 'docs'));
    await writeFile(path.join(dir, 'package.json'), JSON.stringify(MANIFEST));
    await writeFile(path.join(dir, 'package.nls.json'), JSON.stringify(NLS));
    await writeFile(path.join(dir, 'docs', 'commands.json'), JSON.stringify(DESCRIPTIONS));
    await writeFile(path.join(dir, 'README.md'), README);
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  // When this fails: `node scripts/readme-tables.mjs`.
  it('README.md matches package.json, package.nls.json and docs/commands.json', async () => {
    const { readmeTables } = await load<ReadmeTables>('scripts/readme-tables.mjs');
    const { readme, expected } = await readmeTables(REPO_ROOT);
    assert.ok(readme === expected, 'README.md is out of date with package.json');
  });

  it('resolves %key% titles and descriptions, and says where each command is', () => {
    const files = { manifest: MANIFEST, nls: NLS, descriptions: DESCRIPTIONS };
    const made = tables.generatedTables(files);
    assert.equal(made.commands, [
      '| Command | Where | What it does |',
      '| --- | --- | --- |',
      '| **Add Thing...** | view title · welcome view · palette | Adds a thing. |',
      '| **Retry** | row button: error · context menu: error | Tries again. |',
    ].join('\n'));
    const order = '| `x.order` | `"name"` | The order, see `x.other`. A \\| B. ' +
      'Choices: `name`: by name; `size`: largest first. |';
    assert.ok(made.settings?.includes(order), made.settings);
  });

  it('names the rows a menu clause matches, with its qualifiers', () => {
    assert.deepEqual(tables.rowKinds('viewItem =~ /^(template|tag)\\b/'), ['template', 'tag']);
    assert.deepEqual(tables.rowKinds('viewItem =~ /^error\\b.*\\bunauthorized\\b/'),
      ['sign-in error']);
    assert.deepEqual(tables.rowKinds('viewItem =~ /^tag\\b(?!.*\\boldest\\b)/'),
      ['tag (not the oldest)']);
    assert.deepEqual(tables.rowKinds('viewItem =~ /^template\\b(?!.*\\bdeny-set_arch\\b)/'),
      ['template']);
    assert.deepEqual(tables.rowKinds('view == v'), []);
  });

  it('fails loudly on an unknown key, a command without a description or missing markers', () => {
    const files = { manifest: MANIFEST, nls: NLS, descriptions: DESCRIPTIONS };
    assert.throws(() => tables.generatedTables({ ...files, nls: { ...NLS, 'command.add': 1 } }),
      /package\.nls\.json has no "command\.add"/);
    assert.throws(() => tables.generatedTables({ ...files, descriptions: { 'x.add': 'Adds.' } }),
      /docs\/commands\.json says nothing about x\.retry/);
    assert.throws(() => tables.fillReadme('# X\n', { commands: '|' }),
      /README\.md lacks the markers <!-- commands:start -->/);
  });

  it('--check fails on a stale README, the script rewrites it, then --check passes', async () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [SCRIPT, '--root', dir, ...args], { encoding: 'utf8' });
    const stale = run('--check');
    assert.equal(stale.status, 1);
    assert.match(stale.stderr, /README\.md is out of date/);
    assert.equal(run().status, 0);
    const written = await readFile(path.join(dir, 'README.md'), 'utf8');
    assert.match(written, /<!-- commands:start -->\n\| Command \| Where \| What it does \|/);
    assert.doesNotMatch(written, /stale|\nold\n/);
    assert.equal(run('--check').status, 0);
  });
});
