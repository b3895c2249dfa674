import type { Clock } from '../../src/core/clock.js';

/** A clock that only moves when a test moves it. */
export class FakeClock implements Clock {
  private currentMs: number;

  constructor(start: Date | string) {
    this.currentMs = toMs(start);
  }

  now(): Date {
    // A fresh Date each time so callers that mutate it cannot move our time.
    return new Date(this.currentMs);
  }

  set(to: Date | string): void {
    this.currentMs = toMs(to);
  }

  advance(ms: number): void {
    this.currentMs += ms;
  }
}

function toMs(value: Date | string): number {
  const ms = typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (Number.isNaN(ms)) throw new Error(`FakeClock: not a date: ${String(value)}`);
  return ms;
}
