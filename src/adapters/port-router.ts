import type { PlatformPort } from '../core/platform.js';
import type { ChannelRef, Platform } from '../core/refs.js';

/**
 * One port for the core over every adapter this process runs: it sends each message through the
 * adapter of the channel's platform, and says plainly when that platform is not running here.
 */
export class PortRouter implements PlatformPort {
  private readonly ports = new Map<Platform, PlatformPort>();

  register(platform: Platform, port: PlatformPort): void {
    this.ports.set(platform, port);
  }

  private portFor(channel: ChannelRef): PlatformPort {
    const port = this.ports.get(channel.platform);
    if (!port) throw new Error(`${channel.platform} is not running in this process (channel ${channel.channelId})`);
    return port;
  }

  post: PlatformPort['post'] = (channel, reply, opts) => this.portFor(channel).post(channel, reply, opts);
  postInThread: PlatformPort['postInThread'] = (channel, parent, reply) => this.portFor(channel).postInThread(channel, parent, reply);
  sendPrivate: PlatformPort['sendPrivate'] = (channel, user, reply, opts) => this.portFor(channel).sendPrivate(channel, user, reply, opts);
  update: PlatformPort['update'] = (channel, messageId, reply) => this.portFor(channel).update(channel, messageId, reply);
  capabilities: PlatformPort['capabilities'] = (channel) => this.portFor(channel).capabilities(channel);
}
