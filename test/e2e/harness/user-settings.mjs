// User settings for a test run: quiet, offline, plus what the caller adds.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Settings that keep VS Code from reaching out to any host or showing start-up noise. */
export const QUIET_SETTINGS = Object.freeze({
  'telemetry.telemetryLevel': 'off',
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'npm.fetchOnlinePackageInfo': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
  'window.restoreWindows': 'none',
  'chat.disableAIFeatures': true,
  // code-server offers every port a process opens; the tests' registries would pop up.
  'remote.autoForwardPorts': false,
});

/** Writes `User/settings.json` under `userDataDir`: the quiet settings, then `extra`. */
export async function writeUserSettings(userDataDir, extra = {}) {
  const userDir = path.join(userDataDir, 'User');
  await mkdir(userDir, { recursive: true });
  const settings = { ...QUIET_SETTINGS, ...extra };
  const file = path.join(userDir, 'settings.json');
  await writeFile(file, `${JSON.stringify(settings, null, 2)}\n`);
  return file;
}
