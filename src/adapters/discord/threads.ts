import { type Client, RESTJSONErrorCodes, Routes, ThreadAutoArchiveDuration } from 'discord.js';
import { discordCode } from './errors.js';
import { LIMITS, truncate } from './limits.js';
import { RecentIds } from '../kit/recent-ids.js';

const DEFAULT_NAME = 'Discussion';
/** Threads this process knows exist; older ones are found again through 160004. */
const REMEMBERED_THREADS = 5_000;

export interface ThreadFinder {
  /** The id of the thread started from a message, starting it now if it has none yet. */
  forMessage(channelId: string, messageId: string, name: string | undefined): Promise<string>;
}

/**
 * A thread started from a message has the message's id, so "is there one yet" needs no lookup: try to
 * start it, and Discord's 160004 (already started, perhaps by another process or shard) means it is
 * there under that id. Calls for the same message in this process share one attempt. Plain REST, so any
 * shard can do it, whether or not its cache has the channel.
 */
export function createThreadFinder(client: Client): ThreadFinder {
  const started = new RecentIds(REMEMBERED_THREADS);
  const starting = new Map<string, Promise<string>>();

  async function start(channelId: string, messageId: string, name: string | undefined): Promise<string> {
    if (started.has(messageId) || client.channels.cache.get(messageId)?.isThread()) return messageId;
    try {
      await client.rest.post(Routes.threads(channelId, messageId), {
        body: { name: truncate(name?.trim() || DEFAULT_NAME, LIMITS.threadName), auto_archive_duration: ThreadAutoArchiveDuration.OneWeek },
      });
    } catch (err) {
      if (discordCode(err) !== RESTJSONErrorCodes.ThreadAlreadyCreatedForMessage) throw err;
    }
    started.add(messageId);
    return messageId;
  }

  return {
    forMessage(channelId, messageId, name) {
      let attempt = starting.get(messageId);
      if (!attempt) {
        attempt = start(channelId, messageId, name).finally(() => starting.delete(messageId));
        starting.set(messageId, attempt);
      }
      return attempt;
    },
  };
}
