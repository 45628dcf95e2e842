// The Debian packages the end-to-end tests need, installed with apt-get when run as root.
import { execFileSync } from 'node:child_process';
import { runCommand } from './run-command.mjs';

/**
 * chromium: the browser Playwright drives. ripgrep: the `rg` that code-server's search needs
 * (its own installer would download one). libkrb5-dev, g++, make, python3: to build
 * code-server's native modules.
 */
export const E2E_DEBIAN_PACKAGES = ['chromium', 'ripgrep', 'libkrb5-dev', 'g++', 'make', 'python3'];

/** The packages of `names` that dpkg does not report as installed. */
export function missingDebianPackages(names = E2E_DEBIAN_PACKAGES) {
  let output = '';
  try {
    output = execFileSync('dpkg-query', ['-W', '-f=${Package} ${Status}\\n', ...names], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch (error) {
    // dpkg-query exits 1 when a name is unknown, and still prints the known ones.
    if (error.code === 'ENOENT') throw new Error('dpkg-query not found: is this Debian?');
    output = error.stdout ?? '';
  }
  const installed = new Set(
    output
      .split('\n')
      .filter((line) => line.endsWith(' install ok installed'))
      .map((line) => line.split(' ')[0]),
  );
  return names.filter((name) => !installed.has(name));
}

/** Installs the missing packages as root; otherwise says what to install and throws. */
export async function ensureDebianPackages(names = E2E_DEBIAN_PACKAGES) {
  const missing = missingDebianPackages(names);
  if (missing.length === 0) return [];
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Missing Debian packages: ${missing.join(', ')}. Install them as root:\n  ${command}`,
    );
  }
  console.log(`Installing Debian packages: ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await runCommand('apt-get', ['update'], { what: 'apt-get update', env });
  await runCommand('apt-get', ['install', '-y', '--no-install-recommends', ...missing], {
    what: `apt-get install ${missing.join(' ')}`,
    env,
  });
  const still = missingDebianPackages(names);
  if (still.length > 0) throw new Error(`apt-get did not install: ${still.join(', ')}`);
  return missing;
}
