/**
 * Waiting on a promise for at most a while: the two shapes every adapter and the Redis store needed,
 * written once so no caller forgets to clear its timer (a live timer holds the process open at stop).
 * Neither cancels the work: a promise cannot be cancelled, so it keeps going and its outcome is dropped.
 */

/** The error `withTimeout` rejects with, so a caller can tell "too slow" from the work's own failure. */
export class TimeoutError extends Error {
  constructor(
    message: string,
    readonly ms: number,
  ) {
    super(message);
    this.name = 'TimeoutError';
  }
}

/** The work's result, or a TimeoutError with `message` once `ms` pass first. The work's own rejection passes through. */
export async function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(message, ms)), ms);
  });
  try {
    return await Promise.race([work, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `{ value }` if the work settles within `ms`, else null (it rejects if the work rejects in time). With
 * `ms <= 0` it does not wait at all: null at once, so "answer now or defer" can be told to always defer.
 */
export async function settledWithin<T>(work: Promise<T>, ms: number): Promise<{ value: T } | null> {
  if (ms <= 0) return null;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([work.then((value) => ({ value })), late]);
  } finally {
    clearTimeout(timer);
  }
}
