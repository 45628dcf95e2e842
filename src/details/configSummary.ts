import * as l10n from '@vscode/l10n';
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
  const unknown = l10n.t('unknown');
  const cores = config.cpuCores === undefined ? unknown : String(config.cpuCores);
  const rows: SummaryRow[] = [
    { label: l10n.t('CPU cores'), value: cores },
    { label: l10n.t('RAM'), value: config.ram ?? unknown },
    { label: l10n.t('Disk controller'), value: diskControllers(config) },
    { label: l10n.t('Network'), value: networkModes(config) },
    { label: l10n.t('Firmware'), value: config.firmware ?? unknown },
    { label: l10n.t('Display'), value: display(config) },
    { label: l10n.t('VNC password'), value: vncPassword(config.raw, revealSecrets) },
    {
      label: l10n.t('Suspended state'),
      value: config.stateFile
        ? l10n.t('stored, resumes instead of booting')
        : l10n.t('none, boots from cold'),
    },
  ];
  return { rows, portRules: portRules(config), suspended: config.stateFile !== undefined };
}

function diskControllers(config: VmConfig): string {
  if (config.hardDrives.length === 0) {
    return l10n.t('no disks listed');
  }
  const unknown = l10n.t('unknown');
  const names = [...new Set(config.hardDrives.map((drive) => drive.controller ?? unknown))];
  const controllers = names.join(', ');
  if (config.hardDrives.length === 1) {
    return controllers;
  }
  return l10n.t({
    message: '{0} ({1} disks)',
    args: [controllers, config.hardDrives.length],
    comment: ['{0} lists disk controllers, {1} is a number of disks, 2 or more'],
  });
}

function networkModes(config: VmConfig): string {
  if (config.networkCards.length === 0) {
    return l10n.t('no network card');
  }
  return config.networkCards.map((card) => card.mode ?? l10n.t('unknown mode')).join(', ');
}

function display(config: VmConfig): string {
  const { displayWidth: width, displayHeight: height } = config;
  return width !== undefined && height !== undefined ? `${width} × ${height}` : l10n.t('not set');
}

function vncPassword(raw: JsonObject, revealSecrets: boolean): string {
  const password = readPath(raw, ['display', 'frame_buffer', 'password']);
  if (password === undefined || password === '') {
    return l10n.t('not set');
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
      name: ruleName(rule.name ?? l10n.t('(unnamed)'), several ? index + 1 : undefined),
      protocol: rule.protocol ?? 'tcp',
      guestPort: rule.guestPort === undefined ? l10n.t('unknown') : String(rule.guestPort),
      hostPort: hostPort(rule.hostPort),
      hostIp: rule.hostIp ?? l10n.t('not set'),
    })),
  );
}

/** Anka picks a free host port when the rule names none. */
function hostPort(port: number | undefined): string {
  if (port === undefined) {
    return l10n.t('not set');
  }
  return port === 0 ? l10n.t('0 (any free port)') : String(port);
}

/** A rule's name, with its card's number when the VM has several cards. */
function ruleName(name: string, card: number | undefined): string {
  if (card === undefined) {
    return name;
  }
  return l10n.t({
    message: '{0} (card {1})',
    args: [name, card],
    comment: ['{0} is a port forwarding rule, {1} the number of its network card'],
  });
}
