// Puts the extension under test into a fresh extensions folder.
import { execFile } from 'node:child_process';
import { mkdir, readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { CODE_SERVER_BIN } from './paths.mjs';

const run = promisify(execFile);

/** Reads `publisher.name-version`, the folder name VS Code expects for an extension. */
export async function extensionFolderName(extensionPath) {
  const manifest = JSON.parse(await readFile(path.join(extensionPath, 'package.json'), 'utf8'));
  return `${manifest.publisher}.${manifest.name}-${manifest.version}`;
}

/** Links `extensionPath` into `extensionsDir`, the way a developer's checkout is installed. */
export async function installBySymlink(extensionsDir, extensionPath) {
  await mkdir(extensionsDir, { recursive: true });
  const target = path.join(extensionsDir, await extensionFolderName(extensionPath));
  await symlink(extensionPath, target, 'dir');
  return target;
}

/** Installs a packaged `.vsix` with code-server's own installer, offline. */
export async function installVsix({ extensionsDir, userDataDir, vsixPath, env }) {
  await mkdir(extensionsDir, { recursive: true });
  const args = [
    '--extensions-dir', extensionsDir,
    '--user-data-dir', userDataDir,
    '--install-extension', vsixPath,
  ];
  try {
    await run(CODE_SERVER_BIN, args, { env, timeout: 120_000 });
  } catch (error) {
    const output = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim();
    throw new Error(`Installing ${vsixPath} into code-server failed: ${output || error.message}`);
  }
}
