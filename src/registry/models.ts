/**
 * Typed views of what a registry returns. Every field the docs show may be missing, so most are
 * optional; `raw` keeps the whole object as received, unknown fields included.
 */
export type JsonObject = Record<string, unknown>;

export type Arch = 'arm64' | 'amd64';

export interface RegistryStatus {
  /** The registry's own state word, for example "Running". */
  state: string | undefined;
  version: string | undefined;
  raw: JsonObject;
}

export interface TemplateSummary {
  id: string;
  name: string;
  /** Bytes; every stored file counted once. */
  size: number | undefined;
  raw: JsonObject;
}

export interface TemplateVersion {
  number: number;
  tag: string;
  description: string;
  configFile: string | undefined;
  /** The nvram file name (in the version list nvram is a file name, not a flag). */
  nvram: string | undefined;
  /** Layer files; newer versions list their new layer first. */
  images: string[];
  stateFiles: string[];
  /** Non-empty when a suspended VM state is stored with this version. */
  stateFile: string | undefined;
  /** Bytes, including layers shared with other versions: never add these up. */
  size: number | undefined;
  /** Often empty on versions; the template's arch is the real one. */
  arch: string | undefined;
  creationDate: number | undefined;
  lastPull: number | undefined;
  lastPush: number | undefined;
  raw: JsonObject;
}

export interface Template {
  id: string;
  name: string;
  size: number | undefined;
  arch: string | undefined;
  lastPull: number | undefined;
  lastPush: number | undefined;
  /** Ordered by version number, oldest first. */
  versions: TemplateVersion[];
  raw: JsonObject;
}

export interface PortForwardingRule {
  name: string | undefined;
  protocol: string | undefined;
  guestPort: number | undefined;
  hostPort: number | undefined;
  hostIp: string | undefined;
}

export interface NetworkCard {
  mode: string | undefined;
  macAddress: string | undefined;
  portForwardingRules: PortForwardingRule[];
}

export interface HardDrive {
  controller: string | undefined;
  file: string | undefined;
}

export interface VmConfig {
  name: string | undefined;
  uuid: string | undefined;
  /** As the registry writes it, for example "8G". */
  ram: string | undefined;
  cpuCores: number | undefined;
  hardDrives: HardDrive[];
  networkCards: NetworkCard[];
  firmware: string | undefined;
  stateFile: string | undefined;
  /** In the config nvram is a flag, not a file name. */
  hasNvram: boolean | undefined;
  displayWidth: number | undefined;
  displayHeight: number | undefined;
  configVersion: number | undefined;
  raw: JsonObject;
}

export interface DiskUsage {
  free: number | undefined;
  total: number | undefined;
  /** Derived: total minus free, when both are known. */
  used: number | undefined;
}

export interface ApiKey {
  id: string;
  groups: string[];
  /** ISO 8601 text as the registry sends it. */
  expiration: string | undefined;
  created: string | undefined;
  raw: JsonObject;
}

export interface NewApiKey {
  id: string;
  /** Time to live in seconds. */
  ttl: number;
  groups: string[];
  /** Base64 PKIX DER public key; without it the registry generates the key pair. */
  publicKey?: string;
}

export interface ApiKeyUpdate {
  id: string;
  ttl?: number;
  groups?: string[];
}

/** Which version a request is about: a tag name, a version number, or the newest. */
export type VersionSelector = { tag: string } | { version: number } | undefined;
