/**
 * Work that has been taken and not yet finished, so a shutdown can stop taking more, wait for what it
 * has, and say what it is still waiting for if that takes too long. `close()` only raises the flag:
 * each caller decides what closed means at its door (an HTTP 503, an event left unacked), because
 * work already let in must still run to the end.
 */
export class InFlight {
  private readonly running = new Map<number, string>();
  private readonly waiters: (() => void)[] = [];
  private nextId = 0;
  private closed = false;

  /** False once close() has been called: take nothing new. */
  get open(): boolean {
    return !this.closed;
  }

  close(): void {
    this.closed = true;
  }

  get size(): number {
    return this.running.size;
  }

  /** Counts `work` as running until it settles, however it settles. */
  async run<T>(label: string, work: () => Promise<T>): Promise<T> {
    const done = this.begin(label);
    try {
      return await work();
    } finally {
      done();
    }
  }

  /** For work whose end is an event rather than a promise (a response that finishes); the returned function may be called more than once. */
  begin(label: string): () => void {
    const id = this.nextId++;
    this.running.set(id, label);
    return () => {
      if (this.running.delete(id) && this.running.size === 0) this.wake();
    };
  }

  /** Resolves the next time nothing is running (at once if nothing is). */
  drained(): Promise<void> {
    if (this.running.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** What is running, counted by label: `['slack block_actions ×2', 'slack slash command']`. */
  pending(): string[] {
    const counts = new Map<string, number>();
    for (const label of this.running.values()) counts.set(label, (counts.get(label) ?? 0) + 1);
    return [...counts].map(([label, n]) => (n > 1 ? `${label} ×${n}` : label));
  }

  private wake(): void {
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
