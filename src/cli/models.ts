import type { CliEnvelope } from './envelope';

/** A VM on this Mac, from `anka -j list`. */
export interface LocalVm {
  name: string;
  uuid: string | undefined;
  /** "stopped", "running", "suspended", as the CLI says. */
  status: string | undefined;
  /** The tag the VM is at, when it came from a registry or was pushed. */
  tag: string | undefined;
}

/** What a pull would download, from `--check-download-size`. */
export type DownloadSize =
  | { alreadyLocal: true }
  | {
      alreadyLocal: false;
      /** Bytes of the tag in all. */
      size: number;
      /** Bytes of it already on this Mac. */
      cached: number;
      /** Free bytes where the CLI stores templates, when it says. */
      available: number | undefined;
    };

export function parseLocalVms(envelope: CliEnvelope): LocalVm[] {
  const body = envelope.body;
  if (!Array.isArray(body)) {
    return [];
  }
  const vms: LocalVm[] = [];
  for (const item of body) {
    if (typeof item !== 'object' || item === null) {
      continue;
    }
    const record = item as Record<string, unknown>;
    const name = text(record.name);
    if (name !== undefined) {
      vms.push({
        name,
        uuid: text(record.uuid) ?? text(record.id),
        status: text(record.status),
        tag: text(record.version) ?? text(record.tag),
      });
    }
  }
  return vms;
}

/** `{}` means the tag is local already; undefined when the answer has no usable size. */
export function parseDownloadSize(envelope: CliEnvelope): DownloadSize | undefined {
  const body = envelope.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return undefined;
  }
  const record = body as Record<string, unknown>;
  if (Object.keys(record).length === 0) {
    return { alreadyLocal: true };
  }
  const size = bytes(record.size) ?? bytes(record.bytes);
  if (size === undefined) {
    return undefined;
  }
  return {
    alreadyLocal: false,
    size,
    cached: Math.min(bytes(record.cached) ?? 0, size),
    available: bytes(record.available),
  };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function bytes(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}
