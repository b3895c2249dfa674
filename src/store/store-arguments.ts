import { StoreError } from './store-error.js';

/** Rejects ttls every backend would treat differently (0, negative, NaN). */
export function checkTtl(ttlMs: number | undefined): number | undefined {
  if (ttlMs === undefined) return undefined;
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw new StoreError('INVALID_ARGUMENT', `ttlMs must be a positive number of milliseconds, got ${ttlMs}`);
  }
  // Redis PX only takes whole milliseconds; round up so a value never dies early.
  return Math.ceil(ttlMs);
}

/** Redis refuses NaN and SQLite would store NULL; neither is a score. */
export function checkDelta(delta: number): number {
  if (!Number.isFinite(delta)) {
    throw new StoreError('INVALID_ARGUMENT', `board delta must be a finite number, got ${delta}`);
  }
  return delta;
}

/**
 * Far beyond any real board, and small enough that Redis's Lua (which prints
 * numbers with 14 significant digits) still passes it on as an integer.
 */
const MAX_LIMIT = 1_000_000_000;

/** How many rows boardTop should return; 0 for anything below one. */
export function checkLimit(n: number): number {
  if (Number.isNaN(n)) throw new StoreError('INVALID_ARGUMENT', 'board limit must be a number, got NaN');
  return Math.min(MAX_LIMIT, Math.max(0, Math.floor(n)));
}
