import * as vscode from 'vscode';
import { isSortKey, type TemplateSortKey } from '../tree/templateSort';
import { SECTION } from './settings';

/** The Registries view's big-registry settings: template order and request concurrency. */

export const SORT_SETTING = 'sortTemplatesBy';
export const CONCURRENCY_SETTING = 'maxConcurrentRequests';
const DEFAULT_CONCURRENCY = 8;
const MAX_CONCURRENCY = 64;

export function sortTemplatesBy(): TemplateSortKey {
  const value = vscode.workspace.getConfiguration(SECTION).get<unknown>(SORT_SETTING);
  return isSortKey(value) ? value : 'name';
}

/** Saves the order where the setting is defined now: the workspace's wins over the user's. */
export async function setSortTemplatesBy(key: TemplateSortKey): Promise<void> {
  const configuration = vscode.workspace.getConfiguration(SECTION);
  const inspected = configuration.inspect(SORT_SETTING);
  const target = inspected?.workspaceFolderValue !== undefined
    ? vscode.ConfigurationTarget.WorkspaceFolder
    : inspected?.workspaceValue !== undefined
      ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
  await configuration.update(SORT_SETTING, key, target);
}

/** Requests in flight at once per registry, and sockets kept open to it. */
export function maxConcurrentRequests(): number {
  const value = vscode.workspace.getConfiguration(SECTION).get<unknown>(CONCURRENCY_SETTING);
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 1) {
    return DEFAULT_CONCURRENCY;
  }
  return Math.min(MAX_CONCURRENCY, Math.floor(value));
}
