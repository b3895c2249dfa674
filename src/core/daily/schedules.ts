import type { Store } from '../../store/store.js';
import type { ChannelSettingsStore } from '../slots/channel-schedules.js';
import { postedSlotKey, slotAttemptKey, slotLeaseKey } from './keys.js';
import { advanceLastSlot, loadSettings, readIndex, readLastSlot, resetLastSlot, saveSettings } from './store.js';
import type { DailyChannelSettings } from './types.js';

/** The daily question's channels, settings, last-slot marks and slot keys, as the shared channel schedules and slot job read them. */
export function dailySettingsStore(store: Store): ChannelSettingsStore<DailyChannelSettings> {
  return {
    label: 'daily',
    readIndex: () => readIndex(store),
    load: (channel) => loadSettings(store, channel),
    save: (settings) => saveSettings(store, settings),
    readMark: (key) => readLastSlot(store, key),
    resetMark: (channel, slotKey) => resetLastSlot(store, channel, slotKey),
    advanceMark: (channel, slotKey) => advanceLastSlot(store, channel, slotKey),
    slotKeys: (channel, slotKey) => ({ done: postedSlotKey(channel, slotKey), lease: slotLeaseKey(channel, slotKey), attempt: slotAttemptKey(channel, slotKey) }),
  };
}
