// Installs test/e2e's npm packages (code-server, playwright-core) once, offline-safe.
import { createHash } from 'node:crypto';
import { access, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makeRipgrepCacheDir } from './ripgrep-cache.mjs';
import { runCommand } from './run-command.mjs';

// Files that exist only when every install script of code-server ran to the end.
const REQUIRED_FILES = [
  '.bin/code-server',
  'playwright-core/package.json',
  'argon2/lib/binding/napi-v3/argon2.node',
  'code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node',
  'code-server/lib/vscode/node_modules/kerberos/build/Release/kerberos.node',
  'code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg',
  'code-server/lib/vscode/extensions/node_modules',
];
const STAMP_FILE = '.anka-e2e-install.json';

/** True when node_modules matches the manifest and lock file and holds every needed file. */
export async function isInstalled(e2eDir) {
  const nodeModules = path.join(e2eDir, 'node_modules');
  const stamp = await readFile(path.join(nodeModules, STAMP_FILE), 'utf8').catch(() => '');
  if (stamp !== (await expectedStamp(e2eDir))) return false;
  return (await missingFiles(nodeModules)).length === 0;
}

/** Runs `npm ci` (or `npm install` without a lock) in `e2eDir` with the three fixes. */
export async function installE2ePackages(e2eDir) {
  assertNode20();
  const hasLock = await exists(path.join(e2eDir, 'package-lock.json'));
  const nodeModules = path.join(e2eDir, 'node_modules');
  const tmpDir = await makeRipgrepCacheDir();
  const env = {
    ...process.env,
    TMPDIR: tmpDir,
    // node-pty's install runs `npx node-gyp`, which must not stop to ask.
    npm_config_yes: 'true',
    // As root, code-server's postinstall refuses to run without it.
    npm_config_unsafe_perm: 'true',
  };
  try {
    await rm(path.join(nodeModules, STAMP_FILE), { force: true });
    const args = hasLock ? ['ci'] : ['install'];
    await runCommand('npm', [...args, '--no-audit', '--no-fund'], {
      what: `npm ${args[0]} in ${e2eDir}`,
      cwd: e2eDir,
      env,
    });
  } finally {
    await rm(tmpDir, { recursive: true, force: true });
  }
  const missing = await missingFiles(nodeModules);
  if (missing.length > 0) {
    throw new Error(
      `npm finished but these files are missing under ${nodeModules}:\n  ${missing.join('\n  ')}` +
        '\nAn install script was skipped or failed; see the npm output above.',
    );
  }
  await writeFile(path.join(nodeModules, STAMP_FILE), await expectedStamp(e2eDir));
}

function assertNode20() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) {
    throw new Error(
      `code-server 4.100.3 needs Node 20, this is Node ${process.versions.node}. ` +
        'Run the tests with Node 20.',
    );
  }
}

async function expectedStamp(e2eDir) {
  const hash = createHash('sha256');
  for (const name of ['package.json', 'package-lock.json']) {
    hash.update(await readFile(path.join(e2eDir, name)).catch(() => Buffer.alloc(0)));
  }
  const facts = { inputs: hash.digest('hex'), node: process.versions.modules, arch: process.arch };
  return `${JSON.stringify(facts)}\n`;
}

async function missingFiles(nodeModules) {
  const checks = REQUIRED_FILES.map(async (file) =>
    (await exists(path.join(nodeModules, file))) ? null : file,
  );
  return (await Promise.all(checks)).filter(Boolean);
}

async function exists(file) {
  return access(file).then(
    () => true,
    () => false,
  );
}
