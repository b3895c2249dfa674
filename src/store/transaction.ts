import { checkDelta } from './store-arguments.js';
import { StoreError } from './store-error.js';
import type { BoardIncrement, BoardMemberRef, TransactionPlan, TransactionSnapshot } from './store.js';

export interface TransactionRead {
  keys: readonly string[];
  scores?: readonly BoardMemberRef[];
}

/** A plan checked and encoded before anything is written, so a bad one fails with nothing written. */
export interface CheckedPlan<R> {
  /** Value key (unprefixed) and its new value; `value` is what JSON round-trips to. */
  values: { key: string; value: unknown }[];
  adds: BoardIncrement[];
  result: R;
}

/** Board and member in one string; the NUL cannot occur in a board name a caller would choose. */
export const scoreId = (board: string, member: string): string => `${board}\u0000${member}`;

export function snapshotOf(values: ReadonlyMap<string, unknown>, scores: ReadonlyMap<string, number | null>): TransactionSnapshot {
  return {
    value<T>(key: string): T | undefined {
      if (!values.has(key)) throw new StoreError('INVALID_ARGUMENT', `transaction read ${key}, which it did not list in read.keys`);
      // JSON values in, JSON values out: the caller names the type it stored.
      return values.get(key) as T | undefined;
    },
    score(board: string, member: string): number | null {
      const id = scoreId(board, member);
      if (!scores.has(id)) throw new StoreError('INVALID_ARGUMENT', `transaction read the score of ${member} on ${board}, which it did not list in read.scores`);
      return scores.get(id) ?? null;
    },
  };
}

/**
 * Validates every write up front: a key it did not read (its change could not be detected), a delta or
 * floor that is not finite, a value JSON cannot encode. Values are copied through JSON so what is
 * written is exactly what a later read gives back.
 */
export function checkPlan<R>(read: TransactionRead, plan: TransactionPlan<R>): CheckedPlan<R> {
  const readable = new Set(read.keys);
  const values: { key: string; value: unknown }[] = [];
  for (const [key, value] of plan.set ?? []) {
    if (!readable.has(key)) throw new StoreError('INVALID_ARGUMENT', `transaction wrote ${key} without reading it`);
    const text = jsonText(value);
    if (text === undefined) throw new StoreError('INVALID_ARGUMENT', `transaction value for ${key} is not JSON`);
    values.push({ key, value: JSON.parse(text) as unknown });
  }
  const adds = (plan.boardAdds ?? []).map((add) => {
    checkDelta(add.delta);
    if (add.floor !== undefined && !Number.isFinite(add.floor)) {
      throw new StoreError('INVALID_ARGUMENT', `board floor must be a finite number, got ${add.floor}`);
    }
    return { ...add };
  });
  return { values, adds, result: plan.result };
}

/** The score an increment leaves, given the one before it (absent = 0). */
export function incremented(before: number | undefined, add: BoardIncrement): number {
  const next = (before ?? 0) + add.delta;
  return add.floor !== undefined && next < add.floor ? add.floor : next;
}

/** The same key listed twice is read once. */
export function uniqueKeys(keys: readonly string[]): string[] {
  return [...new Set(keys)];
}

function jsonText(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    // A BigInt or a cycle.
    return undefined;
  }
}
