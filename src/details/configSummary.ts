import type { JsonObject, VmConfig } from '../registry/models';
import { SECRET_MASK } from './configYaml';

/** The few facts of a VM config people look for first, as label and text pairs. */

export interface SummaryRow {
  label: string;
  value: string;
}

export interface PortRule {
  name: string;
  protocol: string;
  guestPort: string;
  hostPort: string;
  hostIp: string;
}

export interface ConfigSummary {
  rows: SummaryRow[];
  /** Every card's rules, in order; the card is named when there are several. */
  portRules: PortRule[];
  suspended: boolean;
}

export function summarizeConfig(config: VmConfig, revealSecrets = false): ConfigSummary {
  const rows: SummaryRow[] = [
    { label: 'CPU cores', value: config.cpuCores === undefined ? 'unknown' : `${config.cpuCores}` },
    { label: 'RAM', value: config.ram ?? 'unknown' },
    { label: 'Disk controller', value: diskControllers(config) },
    { label: 'Network', value: networkModes(config) },
    { label: 'Firmware', value: config.firmware ?? 'unknown' },
    { label: 'Display', value: display(config) },
    { label: 'VNC password', value: vncPassword(config.raw, revealSecrets) },
    {
      label: 'Suspended state',
      value: config.stateFile ? 'stored, resumes instead of booting' : 'none, boots from cold',
    },
  ];
  return { rows, portRules: portRules(config), suspended: config.stateFile !== undefined };
}

function diskControllers(config: VmConfig): string {
  if (config.hardDrives.length === 0) {
    return 'no disks listed';
  }
  const controllers = [...new Set(config.hardDrives.map((drive) => drive.controller ?? 'unknown'))];
  const count = config.hardDrives.length === 1 ? '' : ` (${config.hardDrives.length} disks)`;
  return `${controllers.join(', ')}${count}`;
}

function networkModes(config: VmConfig): string {
  if (config.networkCards.length === 0) {
    return 'no network card';
  }
  return config.networkCards.map((card) => card.mode ?? 'unknown mode').join(', ');
}

function display(config: VmConfig): string {
  const { displayWidth: width, displayHeight: height } = config;
  return width !== undefined && height !== undefined ? `${width} × ${height}` : 'not set';
}

function vncPassword(raw: JsonObject, revealSecrets: boolean): string {
  const password = readPath(raw, ['display', 'frame_buffer', 'password']);
  if (password === undefined || password === '') {
    return 'not set';
  }
  return revealSecrets ? String(password) : SECRET_MASK;
}

function readPath(raw: JsonObject, path: readonly string[]): unknown {
  let value: unknown = raw;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return undefined;
    }
    value = (value as JsonObject)[key];
  }
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

function portRules(config: VmConfig): PortRule[] {
  const several = config.networkCards.length > 1;
  return config.networkCards.flatMap((card, index) =>
    card.portForwardingRules.map((rule) => ({
      name: `${rule.name ?? '(unnamed)'}${several ? ` (card ${index + 1})` : ''}`,
      protocol: rule.protocol ?? 'tcp',
      guestPort: rule.guestPort === undefined ? 'unknown' : String(rule.guestPort),
      hostPort: hostPort(rule.hostPort),
      hostIp: rule.hostIp ?? 'not set',
    })),
  );
}

/** Anka picks a free host port when the rule names none. */
function hostPort(port: number | undefined): string {
  if (port === undefined) {
    return 'not set';
  }
  return port === 0 ? '0 (any free port)' : String(port);
}
