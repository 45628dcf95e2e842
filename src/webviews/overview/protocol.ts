import type { ToPanelWebview } from '../panelHost';

/**
 * The messages between a Registry Overview panel and its webview, and the state the webview keeps
 * for the panel to come back after a window reload. Both directions are checked on arrival.
 */

export const OVERVIEW_VIEW_TYPE = 'ankaRegistry.overview';

export interface PersistedOverview {
  kind: typeof OVERVIEW_VIEW_TYPE;
  registry: { name: string; url: string };
}

/** From the extension to the webview. */
export type ToOverviewWebview = ToPanelWebview<PersistedOverview>;

/** From the webview to the extension. */
export type FromOverviewWebview =
  | { type: 'ready' }
  | { type: 'refresh' }
  | { type: 'cancel' }
  | { type: 'loadRest' }
  | { type: 'showLog' }
  | { type: 'showTemplate'; id: string }
  | { type: 'filterStale'; days: number };

const SIMPLE_TYPES = new Set<string>(['ready', 'refresh', 'cancel', 'loadRest', 'showLog']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The message if it is one the panel understands; undefined for anything else. */
export function parseOverviewMessage(value: unknown): FromOverviewWebview | undefined {
  if (!isRecord(value) || typeof value.type !== 'string') {
    return undefined;
  }
  if (value.type === 'showTemplate') {
    const id = value.id;
    return typeof id === 'string' && id !== '' && id.length <= 200
      ? { type: 'showTemplate', id }
      : undefined;
  }
  if (value.type === 'filterStale') {
    const days = value.days;
    return typeof days === 'number' && Number.isSafeInteger(days) && days > 0
      ? { type: 'filterStale', days }
      : undefined;
  }
  return SIMPLE_TYPES.has(value.type) ? ({ type: value.type } as FromOverviewWebview) : undefined;
}

/** The saved state if it names a registry; undefined otherwise. */
export function parsePersistedOverview(value: unknown): PersistedOverview | undefined {
  if (!isRecord(value) || value.kind !== OVERVIEW_VIEW_TYPE || !isRecord(value.registry)) {
    return undefined;
  }
  const { name, url } = value.registry;
  if (typeof name !== 'string' || typeof url !== 'string' || url === '') {
    return undefined;
  }
  return { kind: OVERVIEW_VIEW_TYPE, registry: { name, url } };
}
