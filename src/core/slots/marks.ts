import type { Store } from '../../store/store.js';

/**
 * Moves a "every slot up to here is done" mark forward, never back: two processes may finish
 * neighbouring slots out of order. Slot keys are local wall-clock minutes in one zone, so string order
 * is time order.
 */
export async function advanceSlotMark(store: Store, markKey: string, slotKey: string): Promise<void> {
  await store.update<string>(markKey, (current) => (current !== undefined && current > slotKey ? current : slotKey));
}
