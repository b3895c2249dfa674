const MAX_BACKOFF_MS = 50;

/**
 * A random, growing pause before retrying contended work. The randomness matters more than the length:
 * two processes retrying on the same schedule collide again every round.
 */
export function pauseBeforeRetry(attempt: number): Promise<void> {
  const ceiling = Math.min(MAX_BACKOFF_MS, 2 ** Math.min(attempt, 6));
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}
