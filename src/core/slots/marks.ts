import { type Schedule, slotKey } from '../../scheduler/index.js';
import type { Store } from '../../store/store.js';

/**
 * Moves a "every slot up to here is done" mark forward, never back: two processes may finish
 * neighbouring slots out of order. Slot keys are local wall-clock minutes in one zone, so string order
 * is time order.
 */
export async function advanceSlotMark(store: Store, markKey: string, slotKey: string): Promise<void> {
  await store.update<string>(markKey, (current) => (current !== undefined && current > slotKey ? current : slotKey));
}

/**
 * The last-slot mark a new schedule starts from: nothing before this minute is owed under it, or a
 * time earlier today would post at once.
 */
export function freshMark(schedule: Schedule, now: Date): string {
  return slotKey(schedule, new Date(now.getTime() - 60_000));
}
