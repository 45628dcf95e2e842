import type {
  DiskUsage,
  RegistryClient,
  RegistryStatus,
  Template,
  TemplateSummary,
} from '../registry';
import type { Permission } from './permissions';
import { RecentChanges } from './recentChanges';

/** What the tree reads with, and what its commands change templates with. */
export type TreeClient = Pick<
  RegistryClient,
  | 'getStatus'
  | 'getDisk'
  | 'listTemplates'
  | 'getTemplate'
  | 'close'
  | 'revert'
  | 'deleteTemplate'
  | 'setArch'
>;

/** What the tree knows about one registry's health, for its row and tooltip. */
export type Health =
  | { state: 'unknown' }
  | { state: 'loading' }
  | { state: 'ok'; status: RegistryStatus; disk: DiskUsage | undefined; diskError?: Error }
  | { state: 'failed'; error: Error };

/** Everything cached for one configured registry; dropped wholesale on refresh. */
export class RegistryState {
  health: Health = { state: 'unknown' };
  templates: Promise<TemplateSummary[]> | undefined;
  readonly details = new Map<string, Promise<Template>>();
  readonly loadedDetails = new Map<string, Template>();
  /** Survives invalidate(): a refresh must not bring back what the user just removed. */
  readonly recent = new RecentChanges();
  /** Permissions the registry refused (HTTP 403); kept until the user refreshes the registry. */
  readonly denied = new Set<Permission>();
  /** Cancels the background work of the current load when the registry is refreshed. */
  private controller = new AbortController();

  constructor(readonly client: TreeClient) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  invalidate(): void {
    this.controller.abort();
    this.controller = new AbortController();
    this.health = { state: 'unknown' };
    this.templates = undefined;
    this.details.clear();
    this.loadedDetails.clear();
  }

  invalidateTemplate(templateId: string): void {
    this.details.delete(templateId);
    this.loadedDetails.delete(templateId);
  }
}
