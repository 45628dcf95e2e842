// Feeds Debian's `rg` to @vscode/ripgrep, whose installer would download one from GitHub.
import { execFileSync } from 'node:child_process';
import { access, copyFile, mkdir, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

// The @vscode/ripgrep version code-server 4.100.3 installs, and the binary release it asks for.
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_RELEASE = 'v13.0.0-10';
const TARGETS = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' };
export const SYSTEM_RG = '/usr/bin/rg';

/**
 * Makes a temp folder holding the download cache @vscode/ripgrep looks at first
 * (`$TMPDIR/vscode-ripgrep-cache-<version>/ripgrep-<release>-<target>.tar.gz`, `rg` at its
 * top). Run the install with TMPDIR set to the returned folder.
 */
export async function makeRipgrepCacheDir() {
  const target = TARGETS[process.arch];
  if (!target) throw new Error(`No ripgrep cache recipe for CPU architecture ${process.arch}`);
  await access(SYSTEM_RG).catch(() => {
    throw new Error(`${SYSTEM_RG} is missing: install Debian's package ripgrep`);
  });

  const tmpDir = await mkdtemp(path.join(os.tmpdir(), 'anka-e2e-install-'));
  const stagingDir = path.join(tmpDir, 'rg-staging');
  const cacheDir = path.join(tmpDir, `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  await mkdir(stagingDir);
  await mkdir(cacheDir);
  await copyFile(SYSTEM_RG, path.join(stagingDir, 'rg'));
  const tarball = path.join(cacheDir, `ripgrep-${RIPGREP_RELEASE}-${target}.tar.gz`);
  execFileSync('tar', ['-czf', tarball, '-C', stagingDir, 'rg']);
  return tmpDir;
}
