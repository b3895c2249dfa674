import type { Store } from '../../store/store.js';
import type { ChannelSettingsStore } from '../slots/channel-schedules.js';
import { digestAttemptKey, digestDoneKey, digestLeaseKey } from './keys.js';
import { advanceDigestMark, loadDigestSettings, readDigestIndex, readDigestMark, resetDigestMark, saveDigestSettings } from './store.js';
import type { DigestSettings } from './types.js';

/** The digest's channels, settings, last-slot marks and slot keys, as the shared channel schedules and slot job read them. */
export function digestSettingsStore(store: Store): ChannelSettingsStore<DigestSettings> {
  return {
    label: 'digest',
    readIndex: () => readDigestIndex(store),
    load: (channel) => loadDigestSettings(store, channel),
    save: (settings) => saveDigestSettings(store, settings),
    readMark: (key) => readDigestMark(store, key),
    resetMark: (channel, slotKey) => resetDigestMark(store, channel, slotKey),
    advanceMark: (channel, slotKey) => advanceDigestMark(store, channel, slotKey),
    slotKeys: (channel, slotKey) => ({ done: digestDoneKey(channel, slotKey), lease: digestLeaseKey(channel, slotKey), attempt: digestAttemptKey(channel, slotKey) }),
  };
}
