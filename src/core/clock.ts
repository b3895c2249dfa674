/**
 * The one place that may read real time. Everything else takes a Clock so tests can
 * stand still or jump across a DST change without sleeping.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = {
  now: () => new Date(),
};
