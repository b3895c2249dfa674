import type { webApi } from '@slack/bolt';
import type { PlatformPort } from '../../core/platform.js';
import type { ChannelRef, UserRef } from '../../core/refs.js';
import type { Reply } from '../../core/reply.js';
import type { Logger } from '../../log.js';
import { describeError } from './admin.js';
import { toSlackMessage } from './blocks.js';
import { field } from './payloads.js';
import type { TokenSource } from './tokens.js';

type WebClient = webApi.WebClient;

/** Errors where the bot cannot show an ephemeral in the channel but can still write to the person. */
const NOT_IN_CHANNEL = new Set(['not_in_channel', 'channel_not_found']);

/**
 * How the core speaks first on Slack, through the Web API client. The client itself waits out
 * `ratelimited` (Retry-After) and retries 5xx and network failures per its retryConfig; what still
 * fails is logged here and thrown, so the daily service can tell the admin.
 */
export class SlackPort implements PlatformPort {
  constructor(
    private readonly client: WebClient,
    private readonly tokens: TokenSource,
    private readonly logger: Logger,
  ) {}

  async post(channel: ChannelRef, reply: Reply): Promise<{ messageId: string }> {
    return this.postMessage(channel, reply, undefined);
  }

  async postInThread(channel: ChannelRef, parentMessageId: string, reply: Reply): Promise<{ messageId: string }> {
    return this.postMessage(channel, reply, parentMessageId);
  }

  async sendPrivate(channel: ChannelRef, user: UserRef, reply: Reply): Promise<void> {
    const token = await this.tokens.botToken(channel.workspaceId);
    const message = toSlackMessage(reply);
    try {
      await this.client.chat.postEphemeral({ token, channel: channel.channelId, user: user.userId, ...message });
    } catch (err) {
      // Ephemerals need the bot in the channel; a direct message does not (im:write).
      if (!NOT_IN_CHANNEL.has(slackErrorOf(err) ?? '')) {
        this.logger.warn({ err: describeError(err), method: 'chat.postEphemeral', team: channel.workspaceId, channel: channel.channelId }, 'Slack API call failed');
        throw err;
      }
      this.logger.info({ team: channel.workspaceId, channel: channel.channelId }, 'the bot is not in the channel; sending the private reply as a direct message');
      const dm = await this.call('conversations.open', channel, () => this.client.conversations.open({ token, users: user.userId }));
      const dmId = field(dm.channel, 'id');
      if (!dmId) throw new Error('conversations.open returned no channel');
      await this.call('chat.postMessage', { ...channel, channelId: dmId }, () => this.client.chat.postMessage({ token, channel: dmId, ...message }));
    }
  }

  async update(channel: ChannelRef, messageId: string, reply: Reply): Promise<void> {
    const token = await this.tokens.botToken(channel.workspaceId);
    await this.call('chat.update', channel, () => this.client.chat.update({ token, channel: channel.channelId, ts: messageId, ...toSlackMessage(reply) }));
  }

  private async postMessage(channel: ChannelRef, reply: Reply, threadTs: string | undefined): Promise<{ messageId: string }> {
    const token = await this.tokens.botToken(channel.workspaceId);
    const res = await this.call('chat.postMessage', channel, () =>
      this.client.chat.postMessage({
        token,
        channel: channel.channelId,
        ...toSlackMessage(reply),
        ...(threadTs ? { thread_ts: threadTs } : {}),
        // An answer full of links would otherwise grow a wall of previews under the question.
        unfurl_links: false,
        unfurl_media: false,
      }),
    );
    if (!res.ts) throw new Error(`chat.postMessage in ${channel.channelId} returned no ts`);
    return { messageId: res.ts };
  }

  private async call<T>(method: string, channel: ChannelRef, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (err) {
      this.logger.warn({ err: describeError(err), method, team: channel.workspaceId, channel: channel.channelId }, 'Slack API call failed');
      throw err;
    }
  }
}

function slackErrorOf(err: unknown): string | undefined {
  return err instanceof Error ? field((err as Error & { data?: unknown }).data, 'error') : undefined;
}
