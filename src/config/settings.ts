import * as vscode from 'vscode';
import { InvalidRegistryUrlError, normalizeRegistryUrl } from '../registry';
import type { RegistryEntry } from '../tree/nodes';
import { CONNECTION_FIELDS, connectionFields, readConnection } from './connectionSettings';

export const SECTION = 'ankaRegistry';

export interface RegistrySettings {
  entries: RegistryEntry[];
  /** Entries that could not be used, with the reason, for the log. */
  problems: string[];
}

/** Reads `ankaRegistry.registries`, keeping every usable entry and naming the others. */
export function readRegistries(): RegistrySettings {
  const raw = vscode.workspace.getConfiguration(SECTION).get<unknown>('registries');
  const entries: RegistryEntry[] = [];
  const problems: string[] = [];
  if (raw !== undefined && !Array.isArray(raw)) {
    return { entries, problems: ['ankaRegistry.registries must be a list of {name, url}'] };
  }
  (raw ?? []).forEach((item: unknown, index: number) => {
    const where = `ankaRegistry.registries[${index}]`;
    if (typeof item !== 'object' || item === null) {
      problems.push(`${where} is not an object with a name and a url`);
      return;
    }
    const { name, url } = item as { name?: unknown; url?: unknown };
    if (typeof url !== 'string') {
      problems.push(`${where} has no url`);
      return;
    }
    try {
      const normalized = normalizeRegistryUrl(url);
      const label = nameOr(name, hostOf(normalized));
      const fields = item as Record<string, unknown>;
      const connection = readConnection(fields, where, normalized, problems);
      entries.push({ name: label, url: normalized, ...connection });
    } catch (error) {
      const reason = error instanceof InvalidRegistryUrlError ? error.message : String(error);
      problems.push(`${where}: ${reason}`);
    }
  });
  return { entries, problems };
}

function nameOr(name: unknown, fallback: string): string {
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : fallback;
}

function hostOf(url: string): string {
  return new URL(url).host;
}

/** The raw list as stored, so edits keep whatever else users wrote in their entries. */
function storedList(): unknown[] {
  const raw = vscode.workspace.getConfiguration(SECTION).get<unknown>('registries');
  return Array.isArray(raw) ? [...raw] : [];
}

/** Where the list is defined: the workspace wins over user settings, as VS Code reads it. */
function targetOf(): vscode.ConfigurationTarget {
  const inspected = vscode.workspace.getConfiguration(SECTION).inspect('registries');
  if (inspected?.workspaceFolderValue !== undefined) {
    return vscode.ConfigurationTarget.WorkspaceFolder;
  }
  if (inspected?.workspaceValue !== undefined) {
    return vscode.ConfigurationTarget.Workspace;
  }
  return vscode.ConfigurationTarget.Global;
}

export async function addRegistryEntry(entry: RegistryEntry): Promise<void> {
  const list = storedList();
  list.push({ name: entry.name, url: entry.url, ...connectionFields(entry) });
  await vscode.workspace.getConfiguration(SECTION).update('registries', list, targetOf());
}

/**
 * Replaces the stored entry `previous` with `next`, keeping any other fields the user wrote in it;
 * returns false when the entry is no longer in the settings.
 */
export async function updateRegistryEntry(
  previous: RegistryEntry,
  next: RegistryEntry,
): Promise<boolean> {
  const list = storedList();
  const index = list.findIndex((item) => matches(item, previous));
  const stored = list[index];
  if (index < 0 || typeof stored !== 'object' || stored === null) {
    return false;
  }
  const kept = Object.fromEntries(
    Object.entries(stored).filter(([key]) => !STORED_FIELDS.has(key)),
  );
  list[index] = { name: next.name, url: next.url, ...connectionFields(next), ...kept };
  await vscode.workspace.getConfiguration(SECTION).update('registries', list, targetOf());
  return true;
}

const STORED_FIELDS = new Set<string>(['name', 'url', ...CONNECTION_FIELDS]);

/** Removes the first stored entry with this name and URL; returns false when none matched. */
export async function removeRegistryEntry(entry: RegistryEntry): Promise<boolean> {
  const list = storedList();
  const index = list.findIndex((item) => matches(item, entry));
  if (index < 0) {
    return false;
  }
  list.splice(index, 1);
  await vscode.workspace.getConfiguration(SECTION).update('registries', list, targetOf());
  return true;
}

function matches(item: unknown, entry: RegistryEntry): boolean {
  if (typeof item !== 'object' || item === null) {
    return false;
  }
  const { name, url } = item as { name?: unknown; url?: unknown };
  if (typeof url !== 'string') {
    return false;
  }
  try {
    const sameUrl = normalizeRegistryUrl(url) === entry.url;
    const storedName = nameOr(name, hostOf(entry.url));
    return sameUrl && storedName === entry.name;
  } catch {
    return false;
  }
}

export function requestTimeoutMs(): number {
  const seconds = vscode.workspace.getConfiguration(SECTION).get<number>('requestTimeout', 30);
  const valid = typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0;
  return Math.round((valid ? seconds : 30) * 1000);
}
