import type { Timers } from '../../src/core/timers.js';
import type { FakeClock } from './clock.js';

interface Pending {
  at: number;
  seq: number;
  fn: () => void | Promise<void>;
  cancelled: boolean;
}

/** Timers that fire only when a test advances the fake clock through them, in time order. */
export class FakeTimers implements Timers {
  private pending: Pending[] = [];
  private seq = 0;

  constructor(private readonly clock: FakeClock) {}

  after(ms: number, fn: () => void | Promise<void>): { cancel(): void } {
    const entry: Pending = { at: this.clock.now().getTime() + Math.max(0, ms), seq: this.seq++, fn, cancelled: false };
    this.pending.push(entry);
    return { cancel: () => void (entry.cancelled = true) };
  }

  /** Moves the clock forward by `ms`, running every timer that falls due on the way (and awaiting it). */
  async advance(ms: number): Promise<void> {
    const end = this.clock.now().getTime() + ms;
    for (;;) {
      const due = this.pending.filter((p) => !p.cancelled && p.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.pending = this.pending.filter((p) => p !== due);
      if (due.at > this.clock.now().getTime()) this.clock.set(new Date(due.at));
      await due.fn();
    }
    this.clock.set(new Date(end));
  }

  get count(): number {
    return this.pending.filter((p) => !p.cancelled).length;
  }
}
