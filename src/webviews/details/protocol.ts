import type { RegistryEntry } from '../../tree/nodes';
import type { ToPanelWebview } from '../panelHost';

/**
 * The messages between the details panel and its webview, and the state the webview keeps
 * for the panel to come back after a window reload. Both directions are checked on arrival.
 */

export const DETAILS_VIEW_TYPE = 'ankaRegistry.details';

export interface PersistedDetails {
  kind: typeof DETAILS_VIEW_TYPE;
  registry: RegistryEntry;
  templateId: string;
  templateName: string;
  /** The version number shown, when one was chosen. */
  version: number | undefined;
}

/** From the extension to the webview. */
export type ToWebview = ToPanelWebview<PersistedDetails>;

/** From the webview to the extension. */
export type FromWebview =
  | { type: 'ready' }
  | { type: 'refresh' }
  | { type: 'selectVersion'; version: number }
  | { type: 'copyConfig' }
  | { type: 'openConfig' }
  | { type: 'compareWithPrevious' }
  | { type: 'compareWith' }
  | { type: 'toggleSecrets' }
  | { type: 'showLog' };

const SIMPLE_TYPES = new Set<string>([
  'ready',
  'refresh',
  'copyConfig',
  'openConfig',
  'compareWithPrevious',
  'compareWith',
  'toggleSecrets',
  'showLog',
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The message if it is one the panel understands; undefined for anything else. */
export function parseWebviewMessage(value: unknown): FromWebview | undefined {
  if (!isRecord(value) || typeof value.type !== 'string') {
    return undefined;
  }
  if (value.type === 'selectVersion') {
    const version = value.version;
    return typeof version === 'number' && Number.isSafeInteger(version) && version >= 0
      ? { type: 'selectVersion', version }
      : undefined;
  }
  return SIMPLE_TYPES.has(value.type) ? ({ type: value.type } as FromWebview) : undefined;
}

/** The saved state if it has every part a panel needs; undefined otherwise. */
export function parsePersistedDetails(value: unknown): PersistedDetails | undefined {
  if (!isRecord(value) || value.kind !== DETAILS_VIEW_TYPE || !isRecord(value.registry)) {
    return undefined;
  }
  const { name, url } = value.registry;
  const { templateId, templateName, version } = value;
  if (typeof name !== 'string' || typeof url !== 'string' || typeof templateId !== 'string') {
    return undefined;
  }
  if (url === '' || templateId === '') {
    return undefined;
  }
  const validVersion = typeof version === 'number' && Number.isSafeInteger(version) && version >= 0;
  return {
    kind: DETAILS_VIEW_TYPE,
    registry: { name, url },
    templateId,
    templateName:
      typeof templateName === 'string' && templateName !== '' ? templateName : templateId,
    version: validVersion ? version : undefined,
  };
}
