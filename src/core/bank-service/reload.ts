import type { Question } from '../../bank/types.js';
import { nextTurn } from './turns.js';

/** Questions looked at between two turns of the event loop while a reload swaps the bank in. */
const RELOAD_SLICE = 2_000;

/**
 * The id map of a reloaded bank, and how many ids it adds and drops next to the one served. Made in
 * slices with a turn between: for 100,000 questions in one piece this held the loop ~150 ms.
 */
export async function mapReloaded(served: ReadonlyMap<string, Question>, next: readonly Question[]): Promise<{ byId: Map<string, Question>; added: number; removed: number }> {
  const byId = new Map<string, Question>();
  let added = 0;
  for (let i = 0; i < next.length; i++) {
    const q = next[i] as Question;
    if (!byId.has(q.id) && !served.has(q.id)) added++;
    byId.set(q.id, q);
    if (i % RELOAD_SLICE === RELOAD_SLICE - 1) await nextTurn();
  }
  let removed = 0;
  let seen = 0;
  for (const id of served.keys()) {
    if (!byId.has(id)) removed++;
    if (++seen % RELOAD_SLICE === 0) await nextTurn();
  }
  return { byId, added, removed };
}
