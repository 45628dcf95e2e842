/**
 * What this extension changed on one registry recently. The registry caches its template list
 * (30 s by default), so a list read right after a delete can still name the deleted template;
 * its id is remembered here until a list without it arrives.
 */
export class RecentChanges {
  private readonly removed = new Map<string, number>();

  /** `maxAgeMs` bounds how long a removal hides a template the list still names. */
  constructor(
    private readonly maxAgeMs = 2 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  markRemoved(templateId: string): void {
    this.removed.set(templateId, this.now());
  }

  isRemoved(templateId: string): boolean {
    const at = this.removed.get(templateId);
    if (at === undefined) {
      return false;
    }
    if (this.now() - at > this.maxAgeMs) {
      this.removed.delete(templateId);
      return false;
    }
    return true;
  }

  /**
   * The templates of a list the user should see: without the ones removed here. A removal the
   * list no longer names is forgotten, so a template pushed again later shows.
   */
  visible<T extends { id: string }>(list: readonly T[]): T[] {
    const listed = new Set(list.map((item) => item.id));
    for (const id of [...this.removed.keys()]) {
      if (!listed.has(id)) {
        this.removed.delete(id);
      }
    }
    return list.filter((item) => !this.isRemoved(item.id));
  }
}
