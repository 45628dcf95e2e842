// Starts code-server in a fresh per-run folder on 127.0.0.1 and stops it again.
import { createWriteStream } from 'node:fs';
import { access, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { installBySymlink, installVsix } from './extension-install.mjs';
import {
  CODE_SERVER_BIN,
  LOG_DIR,
  REPO_ROOT,
  makeRunDir,
  makeTmpDir,
  outputName,
} from './paths.mjs';
import { HOST, freePort } from './ports.mjs';
import { killGroup, spawnGroup } from './process-group.mjs';
import { writeUserSettings } from './user-settings.mjs';
import { waitForHealthz } from './wait-for-http.mjs';

/**
 * @typedef {object} CodeServerOptions
 * @property {string} [label] names the run folder and the log file
 * @property {number} [port] 127.0.0.1 port; a free one when left out
 * @property {Record<string, unknown>} [settings] user settings added to the quiet defaults
 * @property {string} [extensionPath] extension folder to link; the repo root by default
 * @property {string} [vsixPath] install this package instead of linking a folder
 * @property {boolean} [noExtension] start without installing the extension
 * @property {Record<string, string>} [workspaceFiles] files to put into the workspace folder
 * @property {boolean} [keepRunDir] keep the run folder after stop (for debugging)
 */

/** Starts code-server and resolves once `/healthz` answers. */
export async function startCodeServer(options = {}) {
  await assertInstalled();
  const label = outputName(options.label ?? 'code-server');
  const dirs = await prepareRunDir(label, options);
  const port = options.port ?? (await freePort());
  const env = codeServerEnv(dirs);
  await installExtension(dirs, env, options).catch(async (error) => {
    await removeRunDir(dirs);
    throw error;
  });

  await mkdir(LOG_DIR, { recursive: true });
  const logFile = path.join(LOG_DIR, `${label}.code-server.log`);
  const logStream = createWriteStream(logFile);
  const child = spawnGroup(CODE_SERVER_BIN, codeServerArgs(dirs, port), {
    env,
    cwd: dirs.runDir,
    logStream,
  });
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const url = `http://${HOST}:${port}`;
  const stop = () => stopCodeServer(child, logStream, dirs, options.keepRunDir);

  try {
    await waitForHealthz(url, child, logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    port,
    logFile,
    runDir: dirs.runDir,
    workspaceDir: dirs.workspaceDir,
    userDataDir: dirs.userDataDir,
    workbenchUrl: (query = {}) => workbenchUrl(url, dirs.workspaceDir, query),
    /** Resolves with `{code, signal}` when code-server exits, for whatever reason. */
    exited,
    stop,
  };
}

/** `http://127.0.0.1:PORT/?folder=...` plus any extra query parameters. */
export function workbenchUrl(baseUrl, folder, query = {}) {
  const params = new URLSearchParams({ folder, ...query });
  return `${baseUrl}/?${params.toString()}`;
}

async function assertInstalled() {
  try {
    await access(CODE_SERVER_BIN);
  } catch {
    throw new Error(
      `code-server is not installed (${CODE_SERVER_BIN} is missing). ` +
        'Run `node scripts/ensure-e2e-deps.mjs` first.',
    );
  }
}

async function prepareRunDir(label, options) {
  const runDir = await makeRunDir(label);
  const tmp = await makeTmpDir(runDir);
  const dirs = {
    runDir,
    tmpDir: tmp.dir,
    externalTmp: tmp.external,
    userDataDir: path.join(runDir, 'user-data'),
    extensionsDir: path.join(runDir, 'extensions'),
    workspaceDir: path.join(runDir, 'workspace'),
    configHome: path.join(runDir, 'xdg-config'),
    dataHome: path.join(runDir, 'xdg-data'),
    configFile: path.join(runDir, 'code-server.yaml'),
  };
  for (const dir of [dirs.workspaceDir, dirs.configHome, dirs.dataHome]) {
    await mkdir(dir, { recursive: true });
  }
  await writeFile(dirs.configFile, 'auth: none\ncert: false\n');
  await writeUserSettings(dirs.userDataDir, options.settings);
  for (const [name, content] of Object.entries(options.workspaceFiles ?? {})) {
    const file = path.join(dirs.workspaceDir, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  return dirs;
}

function codeServerEnv(dirs) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: dirs.configHome,
    XDG_DATA_HOME: dirs.dataHome,
    TMPDIR: dirs.tmpDir,
    // An empty gallery: VS Code then never asks a marketplace for anything.
    EXTENSIONS_GALLERY: '{}',
    NO_PROXY: '127.0.0.1,localhost',
  };
}

function codeServerArgs(dirs, port) {
  return [
    '--config', dirs.configFile,
    '--bind-addr', `${HOST}:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--ignore-last-opened',
    '--user-data-dir', dirs.userDataDir,
    '--extensions-dir', dirs.extensionsDir,
  ];
}

async function installExtension(dirs, env, options) {
  if (options.noExtension) {
    await mkdir(dirs.extensionsDir, { recursive: true });
  } else if (options.vsixPath) {
    const { extensionsDir, userDataDir } = dirs;
    await installVsix({ extensionsDir, userDataDir, vsixPath: options.vsixPath, env });
  } else {
    await installBySymlink(dirs.extensionsDir, options.extensionPath ?? REPO_ROOT);
  }
}

async function stopCodeServer(child, logStream, dirs, keepRunDir) {
  await killGroup(child);
  await new Promise((resolve) => logStream.end(resolve));
  if (keepRunDir) return;
  await removeRunDir(dirs);
}

async function removeRunDir(dirs) {
  if (dirs.externalTmp) await rm(dirs.tmpDir, { recursive: true, force: true });
  await rm(dirs.runDir, { recursive: true, force: true });
}
