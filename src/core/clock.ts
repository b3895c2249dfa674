import type { Clock } from '../scheduler/ports.js';

export type { Clock } from '../scheduler/ports.js';

/** The one place that may read real time; everything else takes a Clock. */
export const systemClock: Clock = {
  now: () => new Date(),
};
