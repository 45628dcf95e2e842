// The default registry's status bar item: which registry, its text, tooltip, look and re-checks.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RegistryError } from '../../src/registry';
import type { Health } from '../../src/tree/registryState';
import { chooseDefault, shouldRecheck, statusBarView } from '../../src/views/statusBarText';

const GIB = 1024 ** 3;
const entry = { name: 'CI', url: 'http://ci.example:8089' };

function registryError(kind: 'unauthorized' | 'connectionRefused', reason: string) {
  return new RegistryError({
    kind, operation: 'read the registry status', registryName: 'CI',
    registryUrl: entry.url, reason,
  });
}

type OkHealth = Extract<Health, { state: 'ok' }>;

const reachable: OkHealth = {
  state: 'ok',
  status: { state: 'Running', version: '1.13.0-24e848a5', raw: {} },
  disk: { free: 412.5 * GIB, total: 1000 * GIB, used: 587.5 * GIB },
};

describe('which registry the status bar shows', () => {
  const nodes = [{ entry }, { entry: { name: 'lab', url: 'http://lab:8089' } }];

  it('is the one the setting names, else the first', () => {
    assert.equal(chooseDefault(nodes, 'lab').registry, nodes[1]);
    assert.equal(chooseDefault(nodes, '').registry, nodes[0]);
    assert.equal(chooseDefault(nodes, undefined).registry, nodes[0]);
  });

  it('falls back to the first when the setting names no configured registry', () => {
    assert.deepEqual(chooseDefault(nodes, 'gone'), { registry: nodes[0], missingDefault: 'gone' });
  });

  it('is none when no registry is configured', () => {
    assert.equal(chooseDefault([], 'lab').registry, undefined);
  });
});

describe('the status bar text and tooltip', () => {
  it('shows a reachable registry with its version and free disk', () => {
    const checkedAt = new Date(2026, 11, 4, 18, 45).getTime();
    const view = statusBarView({ entry, health: reachable, checkedAt });
    assert.equal(view.text, '$(database) CI · v1.13.0 · 412.5 GiB free');
    assert.equal(view.look, 'normal');
    assert.equal(view.title, 'Anka Registry: CI');
    assert.deepEqual(view.lines, [
      'URL: http://ci.example:8089',
      'Status: Running',
      'Version: 1.13.0-24e848a5',
      'Disk: 412.5 GiB free of 1000.0 GiB (59% used)',
      'Checked at 2026-12-04 18:45',
      'Click to open the Registries view.',
    ]);
    assert.equal(view.accessibilityLabel, 'Anka Registry CI: reachable, v1.13.0, 412.5 GiB free');
  });

  it('leaves out what the registry did not say', () => {
    const health: Health = {
      state: 'ok',
      status: { state: undefined, version: undefined, raw: {} },
      disk: undefined,
      diskError: registryError('connectionRefused', 'refused'),
    };
    const view = statusBarView({ entry, health });
    assert.equal(view.text, '$(database) CI');
    assert.ok(view.lines.includes('Disk: could not be read (refused)'));
    assert.equal(view.accessibilityLabel, 'Anka Registry CI: reachable, no details');
  });

  it('warns when the registry runs but is not "Running"', () => {
    const status = { state: 'Starting', version: '1.13.0', raw: {} };
    const health: Health = { ...reachable, status };
    const view = statusBarView({ entry, health });
    assert.equal(view.text, '$(warning) CI · v1.13.0 · Starting · 412.5 GiB free');
    assert.equal(view.look, 'warning');
  });

  it('shows an unreachable registry in the error look, with the reason', () => {
    const health: Health = {
      state: 'failed',
      error: registryError('connectionRefused', 'the connection was refused'),
    };
    const view = statusBarView({ entry, health });
    assert.equal(view.text, '$(error) CI · unreachable');
    assert.equal(view.look, 'error');
    assert.ok(view.lines.includes('Not reachable: the connection was refused'));
    assert.match(view.accessibilityLabel, /unreachable\. the connection was refused/);
  });

  it('shows a refused sign-in as signed out, also when only the disk was refused', () => {
    const refused = registryError('unauthorized', 'Authentication Required');
    const onDisk: Health = { ...reachable, disk: undefined, diskError: refused };
    for (const health of [onDisk, { state: 'failed', error: refused } as Health]) {
      const view = statusBarView({ entry, health });
      assert.equal(view.text, '$(lock) CI · signed out');
      assert.equal(view.look, 'warning');
      assert.ok(view.lines.some((line) => /Sign In Again/.test(line)));
    }
  });

  it('spins while checking and names a default that is not configured', () => {
    const view = statusBarView({ entry, health: { state: 'loading' }, missingDefault: 'gone' });
    assert.equal(view.text, '$(sync~spin) CI');
    assert.ok(view.lines.includes('Checking the registry…'));
    assert.ok(view.lines.some((line) => line.includes('names "gone", which is not configured')));
  });
});

describe('the periodic re-check', () => {
  const base = { focused: true, health: reachable, checkedAt: 1000, now: 1000, intervalMs: 300 };

  it('waits for the interval to pass', () => {
    assert.equal(shouldRecheck({ ...base, now: 1299 }), false);
    assert.equal(shouldRecheck({ ...base, now: 1300 }), true);
  });

  it('never runs while the window is unfocused or a check is under way', () => {
    assert.equal(shouldRecheck({ ...base, now: 9999, focused: false }), false);
    assert.equal(shouldRecheck({ ...base, now: 9999, health: { state: 'loading' } }), false);
    assert.equal(shouldRecheck({ ...base, now: 9999, health: { state: 'unknown' } }), false);
  });
});
