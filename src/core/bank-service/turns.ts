/** Resolves on a later turn of the event loop, so timers and I/O run between slices of long work. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
