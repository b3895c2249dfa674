import { pauseBeforeRetry } from './backoff.js';
import { StoreError } from './store-error.js';

/** Long enough to ride out heavy contention between processes; short enough that a stuck key is reported. */
const UPDATE_BUDGET_MS = 10_000;

/**
 * Runs a compare-and-set round until it wins. After a lost round it waits a random, growing moment:
 * without the jitter two processes hammering one key can lose to each other in lockstep for hundreds of
 * rounds (CI caught exactly that with two Redis clients).
 */
export async function retryCompareAndSet<T>(key: string, round: () => Promise<{ won: true; value: T } | { won: false }>): Promise<T> {
  const deadline = Date.now() + UPDATE_BUDGET_MS;
  for (let attempt = 0; ; attempt += 1) {
    const result = await round();
    if (result.won) return result.value;
    if (Date.now() > deadline) {
      throw new StoreError('CONFLICT', `update of ${key} lost ${attempt + 1} rounds to other writers in ${UPDATE_BUDGET_MS / 1000}s`);
    }
    await pauseBeforeRetry(attempt);
  }
}
