import * as l10n from '@vscode/l10n';
import { formatBytes, formatDateTime } from '../format';
import { isRegistryError } from '../registry';
import type { RegistryEntry } from '../tree/nodes';
import { diskUsedPercent } from '../tree/registryOverview';
import type { Health } from '../tree/registryState';

/** What the status bar item shows for the default registry, without VS Code: unit-tested. */

/** `warning` and `error` map to the status bar's warning and error backgrounds. */
export type StatusLook = 'normal' | 'warning' | 'error';

export interface StatusBarView {
  /** With a codicon, as in `$(database) CI · v1.13.0 · 412.5 GiB free`. */
  text: string;
  /** The tooltip's bold first line, then its lines; plain text, escaped by the caller. */
  title: string;
  lines: string[];
  look: StatusLook;
  /** What a screen reader says for the item. */
  accessibilityLabel: string;
}

export interface StatusBarInput {
  entry: RegistryEntry;
  health: Health;
  /** The name `ankaRegistry.defaultRegistry` gives when no configured registry has it. */
  missingDefault?: string;
  /** When the health shown was read (milliseconds). */
  checkedAt?: number;
}

/** Which registry the item is about: the one the setting names, else the first. */
export function chooseDefault<T extends { entry: RegistryEntry }>(
  registries: readonly T[],
  settingName: string | undefined,
): { registry: T | undefined; missingDefault?: string } {
  const wanted = settingName?.trim() ?? '';
  if (wanted === '') {
    return { registry: registries[0] };
  }
  const named = registries.find((node) => node.entry.name === wanted);
  return named ? { registry: named } : { registry: registries[0], missingDefault: wanted };
}

export function statusBarView(input: StatusBarInput): StatusBarView {
  const { entry, health } = input;
  const name = entry.name;
  const title = l10n.t('Anka Registry: {0}', name);
  const lines = [l10n.t('URL: {0}', entry.url)];
  let view: Omit<StatusBarView, 'title' | 'lines'>;
  if (health.state === 'ok') {
    view = reachableView(name, health, lines);
  } else if (health.state === 'failed') {
    view = failedView(name, health.error, lines);
  } else {
    lines.push(l10n.t('Checking the registry…'));
    view = {
      text: `$(sync~spin) ${name}`,
      look: 'normal',
      accessibilityLabel: l10n.t('Anka Registry {0}: checking', name),
    };
  }
  if (input.checkedAt !== undefined && (health.state === 'ok' || health.state === 'failed')) {
    lines.push(l10n.t('Checked at {0}', formatDateTime(input.checkedAt / 1000)));
  }
  if (input.missingDefault !== undefined) {
    lines.push(l10n.t(
      'The setting ankaRegistry.defaultRegistry names "{0}", which is not configured.',
      input.missingDefault,
    ));
  }
  lines.push(l10n.t('Click to open the Registries view.'));
  return { ...view, title, lines };
}

type OkHealth = Extract<Health, { state: 'ok' }>;

function reachableView(
  name: string,
  health: OkHealth,
  lines: string[],
): Omit<StatusBarView, 'title' | 'lines'> {
  const version = health.status.version;
  const state = health.status.state;
  lines.push(l10n.t('Status: {0}', state ?? l10n.t('reachable')));
  lines.push(l10n.t('Version: {0}', version ?? l10n.t('unknown')));
  if (health.diskError && isSignedOut(health.diskError)) {
    return signedOutView(name, health.diskError, lines);
  }
  const disk = health.disk;
  if (disk?.free !== undefined) {
    const used = diskUsedPercent(disk);
    lines.push(disk.total !== undefined && used !== undefined
      ? l10n.t('Disk: {0} free of {1} ({2}% used)', formatBytes(disk.free),
        formatBytes(disk.total), used)
      : l10n.t('Disk: {0} free', formatBytes(disk.free)));
  } else if (health.diskError) {
    lines.push(l10n.t('Disk: could not be read ({0})', reasonOf(health.diskError)));
  }
  const shortVersion = version ? `v${version.replace(/^v/, '').split('-')[0]}` : undefined;
  const free = disk?.free === undefined
    ? undefined
    : l10n.t('{0} free', formatBytes(disk.free));
  const running = state === undefined || /^running$/i.test(state);
  const parts = [name, shortVersion, running ? undefined : state, free].filter(isText);
  return {
    text: `$(${running ? 'database' : 'warning'}) ${parts.join(' · ')}`,
    look: running ? 'normal' : 'warning',
    accessibilityLabel: l10n.t('Anka Registry {0}: reachable, {1}', name,
      parts.slice(1).join(', ') || l10n.t('no details')),
  };
}

function failedView(
  name: string,
  error: Error,
  lines: string[],
): Omit<StatusBarView, 'title' | 'lines'> {
  if (isSignedOut(error)) {
    return signedOutView(name, error, lines);
  }
  lines.push(l10n.t('Not reachable: {0}', reasonOf(error)));
  return {
    text: `$(error) ${l10n.t('{0} · unreachable', name)}`,
    look: 'error',
    accessibilityLabel: l10n.t('Anka Registry {0}: unreachable. {1}', name, reasonOf(error)),
  };
}

function signedOutView(
  name: string,
  error: Error,
  lines: string[],
): Omit<StatusBarView, 'title' | 'lines'> {
  lines.push(l10n.t(
    'Signed out: the registry refused the credentials ({0}). Use Sign In Again on its row.',
    reasonOf(error),
  ));
  return {
    text: `$(lock) ${l10n.t('{0} · signed out', name)}`,
    look: 'warning',
    accessibilityLabel: l10n.t('Anka Registry {0}: signed out', name),
  };
}

function isSignedOut(error: Error): boolean {
  return isRegistryError(error) && error.kind === 'unauthorized';
}

function reasonOf(error: Error): string {
  return isRegistryError(error) ? error.reason : error.message;
}

function isText(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}

/**
 * Whether the periodic check should read the registry again: only while the window has focus,
 * once the last reading is `intervalMs` old, and never while one is under way.
 */
export function shouldRecheck(input: {
  focused: boolean;
  health: Health;
  checkedAt: number | undefined;
  now: number;
  intervalMs: number;
}): boolean {
  if (!input.focused || input.health.state === 'loading' || input.health.state === 'unknown') {
    return false;
  }
  return input.checkedAt === undefined || input.now - input.checkedAt >= input.intervalMs;
}
