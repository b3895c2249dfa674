import type { Store } from '../../store/store.js';
import type { ChannelSettingsStore } from '../slots/channel-schedules.js';
import { loadSettings, readIndex, readLastSlot, resetLastSlot, saveSettings } from './store.js';
import type { DailyChannelSettings } from './types.js';

/** The daily question's channels, settings and last-slot marks, as the shared channel schedules read them. */
export function dailySettingsStore(store: Store): ChannelSettingsStore<DailyChannelSettings> {
  return {
    label: 'daily',
    readIndex: () => readIndex(store),
    load: (channel) => loadSettings(store, channel),
    save: (settings) => saveSettings(store, settings),
    readMark: (key) => readLastSlot(store, key),
    resetMark: (channel, slotKey) => resetLastSlot(store, channel, slotKey),
  };
}
