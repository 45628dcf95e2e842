import * as l10n from '@vscode/l10n';
import type {
  ApiKey,
  DiskUsage,
  HardDrive,
  JsonObject,
  NetworkCard,
  PortForwardingRule,
  RegistryStatus,
  Template,
  TemplateSummary,
  TemplateVersion,
  VmConfig,
} from './models';

import {
  expected, isObject, requireList, requireObject, ShapeError,
} from './shape';

export { describeJsonType, isObject, ShapeError } from './shape';

export function readString(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    return String(value);
  }
  return undefined;
}

/** Numbers may come as JSON numbers or numeric strings; anything else is unknown. */
export function readNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return value;
  }
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    return Number(value);
  }
  return undefined;
}

/** Dates are Unix seconds; some servers may send ISO text or milliseconds. */
export function readUnixSeconds(value: unknown): number | undefined {
  const asNumber = readNumber(value);
  if (asNumber !== undefined) {
    if (asNumber <= 0) {
      return undefined;
    }
    return asNumber > 1e11 ? Math.floor(asNumber / 1000) : asNumber;
  }
  if (typeof value === 'string') {
    const millis = Date.parse(value);
    return Number.isNaN(millis) ? undefined : Math.floor(millis / 1000);
  }
  return undefined;
}

function readBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') {
    return value;
  }
  if (typeof value === 'string') {
    return value !== '' && value !== 'false';
  }
  return undefined;
}

function readStringList(value: unknown): string[] {
  if (!Array.isArray(value)) {
    return typeof value === 'string' && value !== '' ? [value] : [];
  }
  // Layer lists run to hundreds of names: one pass, and a plain copy when all are names.
  if (value.every((item) => typeof item === 'string' && item !== '')) {
    return value.slice() as string[];
  }
  return value.map(readString).filter((item): item is string => item !== undefined && item !== '');
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

function objectList(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** Some registries send `uuid` where others send `id`. */
function readId(raw: JsonObject): string | undefined {
  return nonEmpty(readString(raw['id'])) ?? nonEmpty(readString(raw['uuid']));
}

export function parseStatus(body: unknown): RegistryStatus {
  const raw = isObject(body) ? body : {};
  return { state: readString(raw['status']), version: nonEmpty(readString(raw['version'])), raw };
}

export function parseTemplateList(body: unknown): TemplateSummary[] {
  const items = requireList(body, expected.templateList);
  const templates: TemplateSummary[] = [];
  for (const item of items) {
    if (!isObject(item)) {
      continue;
    }
    const id = readId(item);
    if (id === undefined) {
      continue;
    }
    const name = nonEmpty(readString(item['name'])) ?? id;
    templates.push({ id, name, size: readNumber(item['size']), raw: item });
  }
  return templates;
}

/** The deprecated v1 list: each item is an object with one `{id: name}` pair. */
export function parseTemplateListV1(body: unknown): TemplateSummary[] {
  const templates: TemplateSummary[] = [];
  for (const item of requireList(body, expected.templateList)) {
    if (!isObject(item)) {
      continue;
    }
    for (const [id, name] of Object.entries(item)) {
      templates.push({ id, name: readString(name) ?? id, size: undefined, raw: item });
    }
  }
  return templates;
}

export function parseVersion(raw: JsonObject, index: number): TemplateVersion {
  return {
    number: readNumber(raw['number']) ?? index,
    tag: readString(raw['tag']) ?? '',
    description: readString(raw['description']) ?? '',
    configFile: nonEmpty(readString(raw['config_file'])),
    nvram: nonEmpty(readString(raw['nvram'])),
    images: readStringList(raw['images']),
    stateFiles: readStringList(raw['state_files']),
    stateFile: nonEmpty(readString(raw['state_file'])),
    size: readNumber(raw['size']),
    arch: nonEmpty(readString(raw['arch'])),
    creationDate: readUnixSeconds(raw['creation_date']),
    lastPull: readUnixSeconds(raw['last_pull']),
    lastPush: readUnixSeconds(raw['last_push']),
    raw,
  };
}

/**
 * Every version lists each layer it uses, newest first, so a template with 200 tags names the
 * same files some 20,000 times, each a separate string after JSON.parse. Taking the string from
 * the version before (the lists agree from the end) keeps such a template at about a quarter of
 * the memory, `raw` included, for a pass of string compares; the values stay the same.
 */
function shareFileNames(versions: readonly JsonObject[]): void {
  const byNumber = [...versions].sort(
    (a, b) => (readNumber(a['number']) ?? 0) - (readNumber(b['number']) ?? 0),
  );
  for (const key of ['images', 'state_files']) {
    let previous: unknown[] = [];
    for (const version of byNumber) {
      const list = version[key];
      if (!Array.isArray(list)) {
        continue;
      }
      const offset = list.length - previous.length;
      const shared: unknown[] = new Array<unknown>(list.length);
      for (let index = 0; index < list.length; index++) {
        const name: unknown = list[index];
        const earlier = previous[index - offset];
        shared[index] = earlier === name ? earlier : name;
      }
      version[key] = shared;
      previous = shared;
    }
  }
}

export function parseTemplate(body: unknown): Template {
  const raw = requireObject(body, expected.template);
  const id = readId(raw);
  if (id === undefined) {
    throw new ShapeError(l10n.t('the template has no id'));
  }
  const versionObjects = objectList(raw['versions']);
  shareFileNames(versionObjects);
  const versions = versionObjects.map(parseVersion).sort((a, b) => a.number - b.number);
  return {
    id,
    name: nonEmpty(readString(raw['name'])) ?? id,
    size: readNumber(raw['size']),
    arch: nonEmpty(readString(raw['arch'])),
    lastPull: readUnixSeconds(raw['last_pull']),
    lastPush: readUnixSeconds(raw['last_push']),
    versions,
    raw,
  };
}

function parseRule(raw: JsonObject): PortForwardingRule {
  return {
    name: nonEmpty(readString(raw['rule_name'])),
    protocol: nonEmpty(readString(raw['protocol'])),
    guestPort: readNumber(raw['guest_port']),
    hostPort: readNumber(raw['host_port']),
    hostIp: nonEmpty(readString(raw['host_ip'])),
  };
}

function parseNetworkCard(raw: JsonObject): NetworkCard {
  return {
    mode: nonEmpty(readString(raw['mode'])),
    macAddress: nonEmpty(readString(raw['mac_address'])),
    portForwardingRules: objectList(raw['port_forwarding_rules']).map(parseRule),
  };
}

function parseHardDrive(raw: JsonObject): HardDrive {
  return {
    controller: nonEmpty(readString(raw['controller'])),
    file: nonEmpty(readString(raw['file'])),
  };
}

export function parseVmConfig(body: unknown): VmConfig {
  const raw = requireObject(body, expected.vmConfig);
  const cpu = raw['cpu'];
  const firmware = raw['firmware'];
  const display = isObject(raw['display']) ? raw['display'] : {};
  const frameBuffer = isObject(display['frame_buffer']) ? display['frame_buffer'] : {};
  return {
    name: nonEmpty(readString(raw['name'])),
    uuid: nonEmpty(readString(raw['uuid'])) ?? nonEmpty(readString(raw['id'])),
    ram: nonEmpty(readString(raw['ram'])),
    cpuCores: isObject(cpu) ? readNumber(cpu['cores']) : readNumber(cpu),
    hardDrives: objectList(raw['hard_drives']).map(parseHardDrive),
    networkCards: objectList(raw['network_cards']).map(parseNetworkCard),
    firmware: isObject(firmware)
      ? nonEmpty(readString(firmware['type']))
      : nonEmpty(readString(firmware)),
    stateFile: nonEmpty(readString(raw['state_file'])),
    hasNvram: readBoolean(raw['nvram']),
    displayWidth: readNumber(frameBuffer['width']),
    displayHeight: readNumber(frameBuffer['height']),
    configVersion: readNumber(raw['version']),
    raw,
  };
}

export function parseDisk(body: unknown): DiskUsage {
  const raw = requireObject(body, expected.diskUsage);
  const free = readNumber(raw['free']);
  const total = readNumber(raw['total']);
  const used = free !== undefined && total !== undefined ? Math.max(0, total - free) : undefined;
  return { free, total, used };
}

export function parseApiKeys(body: unknown): ApiKey[] {
  const items = isObject(body) ? [body] : requireList(body, expected.apiKeys);
  const keys: ApiKey[] = [];
  for (const item of items) {
    if (!isObject(item)) {
      continue;
    }
    const id = nonEmpty(readString(item['id']));
    if (id === undefined) {
      continue;
    }
    keys.push({
      id,
      groups: readStringList(item['groups']),
      expiration: nonEmpty(readString(item['expiration'])),
      created: nonEmpty(readString(item['created'])),
      raw: item,
    });
  }
  return keys;
}
