// Shapes of the local registry's data: the seed/store model and the VM config wire format.

export interface PortForwardingRule {
  rule_name: string;
  protocol: 'tcp' | 'udp';
  guest_port: number;
  host_port: number;
  host_ip: string;
}

export interface NetworkCard {
  mode: 'shared' | 'bridged' | 'vnet' | 'host' | 'disconnected';
  pci_slot: number;
  mac_address: string;
  /** Absent on some configs and `null` on others, as real registries send. */
  port_forwarding_rules?: PortForwardingRule[] | null;
}

export interface HardDrive {
  pci_slot: number;
  controller: string;
  file: string;
}

/** The VM config of one version, as `/registry/vm/info` answers it (snake_case on the wire). */
export interface VmConfig {
  name: string;
  ram: string;
  cpu: { cores: number };
  hard_drives: HardDrive[];
  network_cards: NetworkCard[];
  usb: { pci_slot: number; host: number; tablet: number };
  display: {
    frame_buffer: {
      height: number;
      width: number;
      pci_slot: number;
      vnc_ip: string;
      password: string;
    };
  };
  firmware: { type: string };
  state_file: string;
  /** A boolean here, while the version list names the nvram file. */
  nvram: boolean;
  version: number;
  uuid: string;
}

export interface SeedVersion {
  number: number;
  tag: string;
  description: string;
  /** Layer file names, newest layer first. */
  images: string[];
  stateFiles: string[] | null;
  /** The suspended state stored with this version, or "". */
  stateFile: string;
  arch: string;
  creationDate?: number;
  lastPull?: number;
  lastPush?: number;
  config: VmConfig;
}

export interface SeedTemplate {
  id: string;
  name: string;
  arch: string;
  /** Size in bytes of every layer and state file the versions name. */
  fileSizes: Record<string, number>;
  versions: SeedVersion[];
}

export interface SeedApiKey {
  id: string;
  groups: string[];
  createdAt: Date;
  ttlSeconds: number;
}
