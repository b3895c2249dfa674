import type { Metrics, PortCall } from '../core/metrics.js';
import type { PlatformPort } from '../core/platform.js';
import type { ChannelRef } from '../core/refs.js';

/**
 * The port the core speaks through, counting every message it sends and every refusal per platform.
 * Counting here rather than at each call site in the core catches every sender (daily posts, reveals,
 * quiz rounds) and any added later. Arguments pass through untouched, whatever the port grows.
 */
export function instrumentPort(port: PlatformPort, metrics: Metrics): PlatformPort {
  async function counted<T>(channel: ChannelRef, call: PortCall, send: () => Promise<T>): Promise<T> {
    try {
      const result = await send();
      metrics.sent(channel.platform, call, 'ok');
      return result;
    } catch (err) {
      metrics.sent(channel.platform, call, 'error');
      throw err;
    }
  }
  return {
    post: (...args) => counted(args[0], 'post', () => port.post(...args)),
    postInThread: (...args) => counted(args[0], 'thread', () => port.postInThread(...args)),
    sendPrivate: (...args) => counted(args[0], 'private', () => port.sendPrivate(...args)),
    update: (...args) => counted(args[0], 'update', () => port.update(...args)),
    capabilities: (channel) => port.capabilities(channel),
  };
}
