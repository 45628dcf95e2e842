// The package's manifest and .vscodeignore agree with the files: nothing heavy is run, the
// checks read package.json, package.nls.json, .vscodeignore, the icon and the sources' imports.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.resolve(__dirname, '..', '..', '..');

interface Manifest {
  name: string;
  version: string;
  publisher: string;
  main: string;
  icon?: string;
  license?: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  contributes: Record<string, unknown>;
}

const manifest = JSON.parse(read('package.json')) as Manifest;
const ignore = read('.vscodeignore').split(/\r?\n/).map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));

function read(file: string): string {
  return readFileSync(path.join(ROOT, file), 'utf8');
}

/** A .vscodeignore glob as a regular expression: `**` any path, `*` within one segment. */
function globToRegExp(glob: string): RegExp {
  let pattern = '';
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index] ?? '';
    if (glob.startsWith('**/', index)) {
      pattern += '(?:.*/)?';
      index += 2;
    } else if (glob.startsWith('**', index)) {
      pattern += '.*';
      index += 1;
    } else if (char === '*') {
      pattern += '[^/]*';
    } else {
      pattern += char.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${pattern}$`);
}

/** Whether vsce packs `file`: the last matching line decides, `!` lines re-include. */
function isPacked(file: string): boolean {
  let packed = true;
  for (const line of ignore) {
    const negated = line.startsWith('!');
    if (globToRegExp(negated ? line.slice(1) : line).test(file)) {
      packed = negated;
    }
  }
  return packed;
}

/** Every `media/...` or `docs/...` path the manifest names (icons, walkthrough images). */
function referencedFiles(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string' && /^(media|docs|dist)\/[^\s]+\.\w+$/.test(value)) {
    found.push(value);
  } else if (Array.isArray(value)) {
    value.forEach((item) => referencedFiles(item, found));
  } else if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach((item) => referencedFiles(item, found));
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return sourceFiles(relative);
    }
    return entry.name.endsWith('.ts') ? [relative] : [];
  });
}

describe('the packaged manifest', () => {
  it('runs the bundle from dist/ and packs it', () => {
    assert.match(manifest.main, /^\.?\/?dist\/[\w.-]+\.js$/);
    const main = manifest.main.replace(/^\.\//, '');
    assert.ok(isPacked(main), `${main} is packed`);
    assert.ok(!isPacked(`${main}.map`), 'source maps are not packed');
    assert.match(manifest.scripts['vscode:prepublish'] ?? '', /--production/);
  });

  it('has a 128x128 PNG icon in media/', () => {
    assert.ok(manifest.icon, 'package.json names an icon');
    assert.match(manifest.icon, /^media\/.+\.png$/);
    const png = readFileSync(path.join(ROOT, manifest.icon));
    assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });

  it('packs every file it names, and they exist', () => {
    const files = [...referencedFiles(manifest.contributes), manifest.icon ?? ''];
    assert.ok(files.length >= 2, `found ${files.join(', ')}`);
    for (const file of files.filter((name) => !name.startsWith('dist/'))) {
      assert.ok(existsSync(path.join(ROOT, file)), `${file} exists`);
      assert.ok(isPacked(file), `${file} is packed`);
    }
    for (const file of ['README.md', 'CHANGELOG.md', 'LICENSE', 'package.json']) {
      assert.ok(existsSync(path.join(ROOT, file)), `${file} exists`);
      assert.ok(isPacked(file), `${file} is packed`);
    }
    assert.ok(isPacked('package.nls.json') && isPacked('l10n/bundle.l10n.de.json'));
  });

  it('packs no sources, tests, dependencies, build output or CI files', () => {
    assert.equal(ignore[0], '**', '.vscodeignore starts by leaving everything out');
    const never = [
      'src/extension.ts', 'test/unit/format.test.ts', 'test/e2e/tree.e2e.mjs',
      'node_modules/undici/index.js', 'out/src/extension.js', 'dist/extension.js.map',
      'scripts/build.mjs', '.ci/run', 'tsconfig.json', 'package-lock.json', 'bench/run.mjs',
      'test-output/e2e/tree.png', '.e2e-work/x/settings.json', 'anka-registry-explorer-0.1.0.vsix',
    ];
    for (const file of never) {
      assert.ok(!isPacked(file), `${file} is left out`);
    }
  });

  it('resolves every %key% from package.nls.json', () => {
    const nls = JSON.parse(read('package.nls.json')) as Record<string, string>;
    const keys = [...read('package.json').matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]);
    assert.ok(keys.length > 0);
    for (const key of keys) {
      assert.equal(typeof nls[key ?? ''], 'string', `package.nls.json has ${key}`);
    }
  });

  it('packages offline and without questions', () => {
    assert.match(manifest.scripts.package ?? '', /scripts\/package\.mjs/);
    const script = read('scripts/package.mjs');
    for (const flag of ['--no-dependencies', '--allow-missing-repository']) {
      assert.ok(script.includes(flag), `npm run package passes ${flag}`);
    }
    assert.ok(manifest.license && manifest.publisher && manifest.version);
  });

  it('imports at run time only dependencies, node built-ins and vscode', () => {
    const allowed = new Set([...Object.keys(manifest.dependencies), 'vscode']);
    const devOnly = Object.keys(manifest.devDependencies);
    let checked = 0;
    for (const file of sourceFiles('src')) {
      const text = read(file);
      for (const match of text.matchAll(/^import\s[^;]*?from\s+'([^']+)'/gm)) {
        const specifier = match[1] ?? '';
        if (specifier.startsWith('.') || /^import\s+type\s/.test(match[0])) {
          continue;
        }
        const name = specifier.startsWith('@')
          ? specifier.split('/').slice(0, 2).join('/')
          : specifier.split('/')[0] ?? '';
        const builtin = specifier.startsWith('node:') || builtinModules.includes(name);
        assert.ok(builtin || allowed.has(name), `${file} imports ${specifier}`);
        assert.ok(!devOnly.includes(name), `${file} imports the devDependency ${name}`);
        checked++;
      }
    }
    assert.ok(checked > 20, `read ${checked} imports`);
  });
});
