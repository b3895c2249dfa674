/**
 * What the runner needs from a timer: "call me roughly every N ms". It is only a nudge;
 * the runner reads the clock on every wake, so late, early, doubled or skipped wakes are
 * all harmless. `wake` never rejects.
 */
export interface WakeTimer {
  every(intervalMs: number, wake: () => Promise<void>): TimerHandle;
}

export interface TimerHandle {
  stop(): void;
}
