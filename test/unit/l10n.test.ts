// Localisation: the committed bundle matches the sources, package.json shows no raw text, and
// src/ hands VS Code no text that skipped vscode.l10n / @vscode/l10n.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type * as ts from 'typescript';
import { nlsKey, userFacingStrings } from './l10nManifest';
import {
  rawUiText, sourceProgram, translatedTooEarly, unreadableMessages, type Finding,
} from './l10nSources';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const EXPORTER = path.join(ROOT, 'node_modules', '@vscode', 'l10n-dev', 'dist', 'cli.js');
const run = promisify(execFile);
/** The export parses every source with tree-sitter: seconds on a busy machine. */
const EXPORT_TIME = { timeout: 120_000 };

async function readJson(file: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path.join(ROOT, file), 'utf8')) as Record<string, unknown>;
}

function listed(findings: readonly Finding[]): string {
  return findings.map((finding) => `  ${finding.where}  ${finding.text}`).join('\n');
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

describe('the l10n bundle', () => {
  it('is declared in package.json with the script that writes it', async () => {
    const manifest = await readJson('package.json');
    assert.equal(manifest['l10n'], './l10n');
    const scripts = manifest['scripts'] as Record<string, string>;
    assert.match(scripts['l10n'] ?? '', /l10n-dev export --outDir \.\/l10n \.\/src$/);
  });

  it('holds exactly the strings of src/ (else run `npm run l10n`)', EXPORT_TIME, async () => {
    const outDir = await mkdtemp(path.join(tmpdir(), 'anka-l10n-'));
    try {
      const args = [EXPORTER, 'export', '--outDir', outDir, './src'];
      await run(process.execPath, args, { cwd: ROOT, timeout: 110_000 });
      const written = await readFile(path.join(outDir, 'bundle.l10n.json'), 'utf8');
      const fresh = JSON.parse(written) as Record<string, unknown>;
      const committed = await readJson(path.join('l10n', 'bundle.l10n.json'));
      const missing = Object.keys(fresh).filter((key) => !(key in committed));
      const stale = Object.keys(committed).filter((key) => !(key in fresh));
      const changed = Object.keys(fresh).filter((key) =>
        key in committed && JSON.stringify(committed[key]) !== JSON.stringify(fresh[key]));
      const summary = [
        'l10n/bundle.l10n.json is out of date: run `npm run l10n` and commit the result.',
        ...missing.slice(0, 10).map((key) => `  missing: ${JSON.stringify(key)}`),
        ...stale.slice(0, 10).map((key) => `  no longer in src/: ${JSON.stringify(key)}`),
        ...changed.slice(0, 10).map((key) => `  changed: ${JSON.stringify(key)}`),
      ].join('\n');
      assert.equal(missing.length + stale.length + changed.length, 0, summary);
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});

describe('package.json and package.nls.json', () => {
  it('take every user-facing string from package.nls.json', async () => {
    const manifest = await readJson('package.json');
    const raw = userFacingStrings(manifest).filter((item) => nlsKey(item.value) === undefined);
    const where = raw.map((item) => `  ${item.path}: ${JSON.stringify(item.value)}`).join('\n');
    const advice = 'write these as %key% with the English text in package.nls.json';
    assert.equal(raw.length, 0, `${advice}:\n${where}`);
    assert.ok(userFacingStrings(manifest).length > 50, 'the manifest was read');
  });

  it('resolve every %key% and keep no key that nothing uses', async () => {
    const text = await readFile(path.join(ROOT, 'package.json'), 'utf8');
    const nls = await readJson('package.nls.json');
    const used = new Set([...text.matchAll(/"%([^%"\s]+)%"/g)].map((match) => match[1] ?? ''));
    const unresolved = [...used].filter((key) => typeof nls[key] !== 'string' || nls[key] === '');
    assert.deepEqual(unresolved, [], 'keys without an English text in package.nls.json');
    const unused = Object.keys(nls).filter((key) => !used.has(key));
    assert.deepEqual(unused, [], 'keys of package.nls.json that package.json does not use');
  });
});

describe('text in src/', () => {
  let program: ts.Program;

  before(async () => {
    program = sourceProgram(ROOT, await sourceFiles(path.join(ROOT, 'src')));
  });

  after(() => {
    program = undefined as unknown as ts.Program;
  });

  it('reaches VS Code only through vscode.l10n', () => {
    const findings = rawUiText(program, ROOT);
    assert.equal(findings.length, 0, `text shown without vscode.l10n.t:\n${listed(findings)}`);
  });

  it('is written so that the export can read every message', () => {
    const findings = unreadableMessages(program, ROOT);
    assert.equal(findings.length, 0, `l10n.t calls missing from the bundle:\n${listed(findings)}`);
  });

  it('is translated when used, not while modules load', () => {
    const findings = translatedTooEarly(program, ROOT);
    assert.equal(findings.length, 0, `l10n.t runs before activation:\n${listed(findings)}`);
  });
});
