import type { Store } from '../../store/store.js';

/**
 * `store.update` that also reports what the committed write decided. `decide` may run several times
 * (a lost compare-and-swap reruns it), so it must be pure; only the LAST run's input is what got
 * committed, which is why its outcome, and no earlier one, is returned.
 */
export async function updateDeciding<T, R>(
  store: Store,
  key: string,
  decide: (current: T | undefined) => { next: T; outcome: R },
): Promise<{ value: T; outcome: R }> {
  // A holder rather than a `let`: TypeScript does not see assignments made inside the callback.
  const last: { run?: { outcome: R } } = {};
  const value = await store.update<T>(key, (current) => {
    const { next, outcome } = decide(current);
    last.run = { outcome };
    return next;
  });
  if (last.run === undefined) throw new Error(`store.update of ${key} committed without calling its update function`);
  return { value, outcome: last.run.outcome };
}
