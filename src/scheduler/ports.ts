/**
 * What the scheduler takes from the world: a clock, a logger and timers. The scheduler imports
 * nothing above it, so these shapes are declared here, once; the core's World uses the very same
 * ones (src/core/clock.ts, logger.ts and timers.ts re-export them with their production values).
 */

/** The one source of "now"; tests stand still or jump across a DST change without sleeping. */
export interface Clock {
  now(): Date;
}

/** The slice of pino everything uses, so a pino instance can be passed as is; tests pass a recording one. */
export interface Logger {
  debug(obj: Record<string, unknown>, msg: string): void;
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
  error(obj: Record<string, unknown>, msg: string): void;
}

/** What every timer gives back: a way to stop it firing again. */
export interface TimerHandle {
  cancel(): void;
}

/**
 * Delayed work (a quiz question's time limit, a public reveal at a set time), so tests move a fake
 * clock instead of sleeping. Callbacks must re-check state: a timer is a hint to look again, never
 * the only record that something is due.
 */
export interface Timers {
  after(ms: number, fn: () => void | Promise<void>): TimerHandle;
}

/**
 * What the runner needs from a timer: "call me roughly every N ms". It is only a nudge;
 * the runner reads the clock on every wake, so late, early, doubled or skipped wakes are
 * all harmless. `wake` never rejects.
 */
export interface WakeTimer {
  every(intervalMs: number, wake: () => Promise<void>): TimerHandle;
}
