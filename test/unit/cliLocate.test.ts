// Finding the anka CLI (setting, PATH, install path) and probing what it supports.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import {
  DEFAULT_ANKA_PATH, locateAnka, probeCapabilities, type RunOptions, type RunResult,
} from '../../src/cli';
import { FAKE_ANKA } from './fakeAnkaSupport';

const executables = (...files: string[]) => async (file: string): Promise<boolean> =>
  files.includes(file);

describe('locating the anka CLI', () => {
  it('uses the setting when it points at an executable', async () => {
    const found = await locateAnka({
      configuredPath: ' /opt/anka/bin/anka ',
      searchPath: '/usr/bin',
      isExecutable: executables('/opt/anka/bin/anka', '/usr/bin/anka'),
    });
    assert.deepEqual(found, { found: true, path: '/opt/anka/bin/anka', source: 'setting' });
  });

  it('reports a wrong setting instead of looking elsewhere', async () => {
    const found = await locateAnka({
      configuredPath: '/nope/anka',
      searchPath: '/usr/bin',
      isExecutable: executables('/usr/bin/anka'),
    });
    assert.equal(found.found, false);
    assert.match(!found.found ? found.reason : '', /ankaRegistry\.ankaPath points to \/nope\/anka/);
  });

  it('expands ~ in the setting', async () => {
    const home = process.env.HOME ?? '';
    const found = await locateAnka({
      configuredPath: '~/bin/anka',
      isExecutable: executables(path.join(home, 'bin', 'anka')),
    });
    assert.equal(found.found && found.path, path.join(home, 'bin', 'anka'));
  });

  it('searches the PATH in order, then the install path', async () => {
    const search = ['/a', '', '/b'].join(path.delimiter);
    const onPath = await locateAnka({ searchPath: search, isExecutable: executables('/b/anka') });
    assert.deepEqual(onPath, { found: true, path: '/b/anka', source: 'path' });
    const installed = await locateAnka({
      searchPath: '/a',
      isExecutable: executables(DEFAULT_ANKA_PATH),
    });
    assert.deepEqual(installed, { found: true, path: DEFAULT_ANKA_PATH, source: 'default' });
  });

  it('lists every place it looked when there is no CLI', async () => {
    const searchPath = `/a${path.delimiter}/b`;
    const found = await locateAnka({ searchPath, isExecutable: executables() });
    assert.deepEqual(found.found ? [] : found.tried, ['/a/anka', '/b/anka', DEFAULT_ANKA_PATH]);
  });

  it('finds a real executable file with the default check', async () => {
    const found = await locateAnka({ configuredPath: FAKE_ANKA });
    assert.equal(found.found, true);
    const directory = await locateAnka({ configuredPath: path.dirname(FAKE_ANKA) });
    assert.equal(directory.found, false, 'a directory is not the CLI');
  });
});

describe('probing the CLI', () => {
  it('reads the 3.x stand-in: version and the top-level pull check', async () => {
    assert.deepEqual(await probeCapabilities(FAKE_ANKA), {
      version: '3.5.3',
      downloadSizeCheck: 'pull',
    });
  });

  /** A scripted CLI answering by its arguments. */
  function scripted(answers: Record<string, Partial<RunResult>>) {
    return async (options: RunOptions): Promise<RunResult> => {
      const answer = answers[options.args.join(' ')];
      if (!answer) {
        return { exitCode: 1, signal: null, stdout: '', stderrTail: 'unknown command' };
      }
      return { exitCode: 0, signal: null, stdout: '', stderrTail: '', ...answer };
    };
  }

  it('falls back to --version text and the 2.x registry check-download-size', async () => {
    const run = scripted({
      '--version': { stdout: 'Anka Build Basic version 2.5.7 (build 142)\n' },
      'registry --help': {
        stdout: 'Commands:\n  add   Add a registry\n  check-download-size  Return the size\n',
      },
    });
    assert.deepEqual(await probeCapabilities('/x/anka', run), {
      version: '2.5.7',
      downloadSizeCheck: 'registry',
    });
  });

  it('reports no size check and no version when the CLI says neither', async () => {
    const run = scripted({ 'pull --help': { stdout: 'usage: pull [options] vmid\n  -t,--tag\n' } });
    assert.deepEqual(await probeCapabilities('/x/anka', run), {
      version: undefined,
      downloadSizeCheck: undefined,
    });
  });

  it('survives a CLI that cannot be started', async () => {
    const run = async (): Promise<RunResult> => {
      throw new Error('ENOENT');
    };
    assert.deepEqual(await probeCapabilities('/x/anka', run), {
      version: undefined,
      downloadSizeCheck: undefined,
    });
  });
});
