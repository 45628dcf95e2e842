import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';

/** Where the Anka installer puts the CLI on macOS. */
export const DEFAULT_ANKA_PATH = '/usr/local/bin/anka';

export type AnkaLocation =
  | { found: true; path: string; source: 'setting' | 'path' | 'default' }
  | { found: false; reason: string; tried: string[] };

export interface LocateOptions {
  /** The `ankaRegistry.ankaPath` setting; empty or absent means "look for it". */
  configuredPath?: string;
  /** The PATH to search, `process.env.PATH` by default. */
  searchPath?: string;
  isExecutable?: (file: string) => Promise<boolean>;
}

/**
 * Finds the CLI: the setting when set (and then only there, so a wrong setting is reported
 * rather than silently replaced), else `anka` on the PATH, else its usual install path.
 */
export async function locateAnka(options: LocateOptions = {}): Promise<AnkaLocation> {
  const isExecutable = options.isExecutable ?? isExecutableFile;
  const configured = options.configuredPath?.trim() ?? '';
  if (configured !== '') {
    const file = expandHome(configured);
    if (await isExecutable(file)) {
      return { found: true, path: file, source: 'setting' };
    }
    return {
      found: false,
      reason: l10n.t({
        message: 'the setting {0} points to {1}, which is not an executable',
        args: ['ankaRegistry.ankaPath', file],
        comment: ['{0} is a setting, {1} a file'],
      }),
      tried: [file],
    };
  }
  const tried: string[] = [];
  for (const dir of (options.searchPath ?? process.env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') {
      continue;
    }
    const file = path.join(dir, 'anka');
    tried.push(file);
    if (await isExecutable(file)) {
      return { found: true, path: file, source: 'path' };
    }
  }
  if (!tried.includes(DEFAULT_ANKA_PATH)) {
    tried.push(DEFAULT_ANKA_PATH);
    if (await isExecutable(DEFAULT_ANKA_PATH)) {
      return { found: true, path: DEFAULT_ANKA_PATH, source: 'default' };
    }
  }
  const reason = l10n.t({
    message: 'no anka CLI on the PATH nor at {0}',
    args: [DEFAULT_ANKA_PATH],
    comment: ['{0} is a file'],
  });
  return { found: false, reason, tried };
}

function expandHome(file: string): string {
  return file === '~' || file.startsWith('~/') ? path.join(os.homedir(), file.slice(1)) : file;
}

async function isExecutableFile(file: string): Promise<boolean> {
  try {
    const info = await stat(file);
    if (!info.isFile()) {
      return false;
    }
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
