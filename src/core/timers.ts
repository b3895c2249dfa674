import type { Timers } from '../scheduler/ports.js';

/** The one timer shape (see src/scheduler/ports.ts): `after` for delayed work, `every` for the wake timer. */
export type { TimerHandle, Timers, WakeTimer } from '../scheduler/ports.js';

export const systemTimers: Timers = {
  after(ms, fn) {
    const handle = setTimeout(() => void fn(), Math.max(0, ms));
    handle.unref?.();
    return { cancel: () => clearTimeout(handle) };
  },
};
