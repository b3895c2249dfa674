import type { PlatformPort } from '../../core/platform.js';
import type { ChannelLog } from './channel-log.js';

/**
 * The playground as a chat platform: what the core posts lands in the channel log, and the page shows
 * it. A private message is a line in the channel only its person sees (like a Slack ephemeral).
 */
export function createWebPort(log: ChannelLog): PlatformPort {
  return {
    async post(channel, reply) {
      const message = await log.append(channel, { kind: 'post', reply });
      return { messageId: message.id };
    },
    async postInThread(channel, parentMessageId, reply) {
      const message = await log.append(channel, { kind: 'thread', reply, parentId: parentMessageId });
      return { messageId: message.id };
    },
    async sendPrivate(channel, user, reply, opts) {
      await log.append(channel, { kind: 'private', reply, forUser: user.userId, ...(opts?.parentMessageId ? { parentId: opts.parentMessageId } : {}) });
    },
    async update(channel, messageId, reply) {
      if (!(await log.replace(channel, messageId, reply))) {
        throw new Error(`message ${messageId} is no longer in the playground channel ${channel.channelId}`);
      }
    },
    // The page draws a spoiler as a blurred line that shows on click.
    capabilities: () => ({ spoilers: true }),
  };
}
