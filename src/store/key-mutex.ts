/**
 * Serialises async tasks per key inside one process. The memory store relies on it
 * for atomicity; SQLite and Redis use it only to keep their cross-process
 * compare-and-swap loops from fighting against their own process.
 */
export class KeyMutex {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release: () => void = () => {};
    const done = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => done);
    this.tails.set(key, tail);
    await previous;
    try {
      return await task();
    } finally {
      release();
      // Only the last waiter may drop the entry, or a newer tail would be forgotten.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /**
   * Runs task holding every key's lock. Keys are taken in one sorted order, so two callers wanting
   * overlapping sets cannot each hold one the other waits for.
   */
  async runAll<T>(keys: readonly string[], task: () => Promise<T>): Promise<T> {
    const ordered = [...new Set(keys)].sort();
    const locked = ordered.reduceRight<() => Promise<T>>((inner, key) => () => this.run(key, inner), task);
    return locked();
  }

  /** Keys with a running or queued task; lets tests prove the map does not leak. */
  get size(): number {
    return this.tails.size;
  }
}
