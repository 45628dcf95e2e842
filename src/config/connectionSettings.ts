import { homedir } from 'node:os';
import { isAbsolute } from 'node:path';
import { AUTH_KINDS, isAuthKind, type ConnectionSettings } from '../registry/auth';

/** The connection fields of a registry entry in `ankaRegistry.registries`, read and written. */

const FILE_FIELDS = ['certFile', 'keyFile', 'caFile'] as const;
export const CONNECTION_FIELDS = ['auth', 'apiKeyId', ...FILE_FIELDS, 'insecure'] as const;

/** Reads the connection fields of one stored entry; what cannot be used is named in `problems`. */
export function readConnection(
  item: Record<string, unknown>,
  where: string,
  url: string,
  problems: string[],
): ConnectionSettings {
  const settings: ConnectionSettings = {};
  if (item['auth'] !== undefined) {
    if (isAuthKind(item['auth'])) {
      settings.auth = item['auth'];
    } else {
      problems.push(`${where}.auth must be one of ${AUTH_KINDS.join(', ')}; it is ignored`);
    }
  }
  const apiKeyId = item['apiKeyId'];
  if (typeof apiKeyId === 'string' && apiKeyId.trim() !== '') {
    settings.apiKeyId = apiKeyId.trim();
  }
  for (const field of FILE_FIELDS) {
    const value = item[field];
    if (typeof value === 'string' && value.trim() !== '') {
      const path = expandHome(value.trim());
      if (!isAbsolute(path)) {
        problems.push(`${where}.${field} should be an absolute path, not "${value}"`);
      }
      settings[field] = path;
    }
  }
  if (item['insecure'] === true) {
    settings.insecure = true;
  }
  checkCompleteness(settings, where, url, problems);
  return settings;
}

function checkCompleteness(
  settings: ConnectionSettings,
  where: string,
  url: string,
  problems: string[],
): void {
  const https = url.startsWith('https:');
  if (settings.auth === 'apiKey' && !settings.apiKeyId) {
    problems.push(`${where} signs in with an API key but has no apiKeyId`);
  }
  if (settings.auth === 'certificate' && (!settings.certFile || !settings.keyFile)) {
    problems.push(`${where} signs in with a client certificate but lacks certFile or keyFile`);
  }
  if (!https && (settings.insecure || settings.caFile || settings.auth === 'certificate')) {
    problems.push(`${where} has TLS settings but an http:// URL; they only apply to https://`);
  }
}

function expandHome(path: string): string {
  return path === '~' || path.startsWith('~/') ? `${homedir()}${path.slice(1)}` : path;
}

/** The connection fields to store: only those set, so entries stay as short as users write them. */
export function connectionFields(settings: ConnectionSettings): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  if (settings.auth && settings.auth !== 'none') {
    fields['auth'] = settings.auth;
  }
  if (settings.auth === 'apiKey' && settings.apiKeyId) {
    fields['apiKeyId'] = settings.apiKeyId;
  }
  if (settings.auth === 'certificate') {
    if (settings.certFile) fields['certFile'] = settings.certFile;
    if (settings.keyFile) fields['keyFile'] = settings.keyFile;
  }
  if (settings.caFile) {
    fields['caFile'] = settings.caFile;
  }
  if (settings.insecure) {
    fields['insecure'] = true;
  }
  return fields;
}

