// Small builders that keep the sample fleet readable: VM configs, layer names and tag chains.
import { createHash } from 'node:crypto';
import type { NetworkCard, PortForwardingRule, SeedTemplate, SeedVersion, VmConfig } from './model';

export const GIB = 1024 ** 3;

export interface ConfigOptions {
  ram?: string;
  cores?: number;
  mode?: NetworkCard['mode'];
  /** 'absent' leaves the key out of the network card entirely. */
  rules?: PortForwardingRule[] | null | 'absent';
  width?: number;
  height?: number;
  /** Derived from the template and tag when absent. */
  mac?: string;
}

interface TemplateIdentity {
  id: string;
  name: string;
}

export type VersionFields = Omit<SeedVersion, 'config' | 'arch'> & { arch?: string };

/** A stable, realistic layer or state file name derived from a label. */
export function fileName(label: string): string {
  return `${createHash('sha256').update(label).digest('hex').slice(0, 32)}.ank`;
}

/** A byte count rounded to whole 4 KiB blocks, like a sparse disk image. */
export function blocks(gibibytes: number): number {
  return Math.round((gibibytes * GIB) / 4096) * 4096;
}

export function sshRule(name = 'ssh', hostPort = 0): PortForwardingRule {
  return { rule_name: name, protocol: 'tcp', guest_port: 22, host_port: hostPort, host_ip: '0' };
}

export function macAddress(label: string): string {
  const bytes = createHash('sha256').update(label).digest().subarray(0, 3);
  return ['56', '45', '45', ...[...bytes].map((b) => b.toString(16).padStart(2, '0'))].join(':');
}

export function vmConfig(
  template: TemplateIdentity,
  version: Pick<SeedVersion, 'images' | 'stateFile' | 'tag'>,
  options: ConfigOptions = {},
): VmConfig {
  const card: NetworkCard = {
    mode: options.mode ?? 'shared',
    pci_slot: 28,
    mac_address: options.mac ?? macAddress(`${template.id}/${version.tag}`),
  };
  if (options.rules !== 'absent') {
    card.port_forwarding_rules = options.rules === undefined ? [] : options.rules;
  }
  return {
    name: template.name,
    ram: options.ram ?? '4G',
    cpu: { cores: options.cores ?? 4 },
    hard_drives: [{ pci_slot: 4, controller: 'ablk', file: version.images[0] ?? '' }],
    network_cards: [card],
    usb: { pci_slot: 7, host: 0, tablet: 1 },
    display: {
      frame_buffer: {
        height: options.height ?? 768,
        width: options.width ?? 1024,
        pci_slot: 29,
        vnc_ip: '0.0.0.0',
        password: 'admin',
      },
    },
    firmware: { type: 'uefi' },
    state_file: version.stateFile,
    nvram: true,
    version: 1,
    uuid: template.id,
  };
}

export function version(
  template: TemplateIdentity,
  fields: VersionFields,
  options: ConfigOptions = {},
): SeedVersion {
  return { ...fields, arch: fields.arch ?? '', config: vmConfig(template, fields, options) };
}

export interface TagStep {
  tag: string;
  description?: string;
  /** Size of the layer this tag adds on top of the previous one. */
  layerGiB: number;
  /** Size of a suspended state pushed with this tag. */
  stateGiB?: number;
  created: number;
  lastPull?: number;
  lastPush?: number;
  config?: ConfigOptions;
  /** Some registries send `state_files: null` rather than an empty list. */
  nullStateFiles?: boolean;
}

/** A template whose tags form one chain, each tag adding one layer on top of the last. */
export function chainTemplate(
  identity: TemplateIdentity & { arch: string; versionArch?: string },
  steps: TagStep[],
): SeedTemplate {
  const fileSizes: Record<string, number> = {};
  const versions: SeedVersion[] = [];
  let images: string[] = [];
  steps.forEach((step, number) => {
    const layer = fileName(`${identity.id}/layer/${step.tag}`);
    fileSizes[layer] = blocks(step.layerGiB);
    images = [layer, ...images];
    let stateFile = '';
    if (step.stateGiB !== undefined) {
      stateFile = fileName(`${identity.id}/state/${step.tag}`);
      fileSizes[stateFile] = blocks(step.stateGiB);
    }
    const fields: VersionFields = {
      number,
      tag: step.tag,
      description: step.description ?? '',
      images,
      stateFiles: stateFile !== '' ? [stateFile] : step.nullStateFiles ? null : [],
      stateFile,
      arch: identity.versionArch ?? '',
      creationDate: step.created,
      lastPull: step.lastPull ?? step.created,
      lastPush: step.lastPush ?? step.created,
    };
    versions.push(version(identity, fields, step.config));
  });
  return { id: identity.id, name: identity.name, arch: identity.arch, fileSizes, versions };
}
