import type { Store } from '../store/store.js';
import type { Clock } from './clock.js';
import type { CoreLogger } from './logger.js';
import type { Metrics } from './metrics.js';
import type { Random } from './random.js';
import type { Timers } from './timers.js';

/** Everything outside the core's own logic, passed in so tests control time, chance and storage. */
export interface World {
  clock: Clock;
  store: Store;
  random: Random;
  logger: CoreLogger;
  timers: Timers;
  /** Counters for operators (see metrics.ts); absent means nothing is counted. */
  metrics?: Metrics;
}
