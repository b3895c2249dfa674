/**
 * Delayed work (a quiz question's time limit, a public reveal at a set time) goes through this, so tests
 * move a fake clock instead of sleeping. Callbacks must re-check state: a timer is a hint to look again,
 * never the only record that something is due.
 */
export interface Timers {
  after(ms: number, fn: () => void | Promise<void>): { cancel(): void };
}

export const systemTimers: Timers = {
  after(ms, fn) {
    const handle = setTimeout(() => void fn(), Math.max(0, ms));
    handle.unref?.();
    return { cancel: () => clearTimeout(handle) };
  },
};
