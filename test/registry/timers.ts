// Waits that close() can cancel, so a closing server leaves no pending timer behind.
export class Timers {
  private readonly pending = new Set<NodeJS.Timeout>();

  /** Resolves after `ms`; never resolves once cancelAll() has run. */
  wait(ms: number): Promise<void> {
    if (ms <= 0) {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        resolve();
      }, ms);
      this.pending.add(timer);
    });
  }

  cancelAll(): void {
    for (const timer of this.pending) {
      clearTimeout(timer);
    }
    this.pending.clear();
  }
}
