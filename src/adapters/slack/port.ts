import type { webApi } from '@slack/bolt';
import { type PlatformCapabilities, type PlatformPort, PlatformRefusal, type PostOptions } from '../../core/platform.js';
import type { ChannelRef, UserRef } from '../../core/refs.js';
import type { Reply } from '../../core/reply.js';
import type { Logger } from '../../log.js';
import { describeError } from './describe-error.js';
import { toSlackMessage } from './blocks.js';
import { SlackFiles } from './files.js';
import { field } from './payloads.js';
import type { TokenSource } from './tokens.js';

type WebClient = webApi.WebClient;

/** Message metadata type on keyed posts; the key finds a post again after a crash. */
const POST_EVENT = 'recall_post';
/** How far back a retry looks: a take-over happens within minutes, and a channel rarely gets more. */
const HISTORY_LOOKBACK = 50;

/** Slack errors that stay the same however often the call is retried: someone has to change something. */
const PERMANENT: Record<string, string> = {
  not_in_channel: 'the bot is not in this channel; invite it with /invite @Recall',
  channel_not_found: 'Slack does not know this channel (deleted, or private without the bot)',
  is_archived: 'the channel is archived',
  missing_scope: 'the Slack app lacks a permission scope; reinstall it from the manifest',
  restricted_action: 'a workspace setting stops the bot from posting here',
  invalid_auth: 'the Slack token is invalid',
  account_inactive: 'the Slack token belongs to an app that was uninstalled',
  token_revoked: 'the Slack token was revoked',
};

/** Errors where the bot cannot show an ephemeral in the channel but can still write to the person. */
const NOT_IN_CHANNEL = new Set(['not_in_channel', 'channel_not_found']);

/**
 * How the core speaks first on Slack, through the Web API client. The client itself waits out
 * `ratelimited` (Retry-After) and retries 5xx and network failures per its retryConfig; what still
 * fails is logged here and thrown, so the daily service can tell the admin.
 */
export class SlackPort implements PlatformPort {
  /** Pictures of a reply, shared after its message (see files.ts); command replies use it too. */
  readonly files: SlackFiles;

  constructor(
    private readonly client: WebClient,
    private readonly tokens: TokenSource,
    private readonly logger: Logger,
  ) {
    this.files = new SlackFiles(client, tokens, logger);
  }

  async post(channel: ChannelRef, reply: Reply, opts?: PostOptions): Promise<{ messageId: string }> {
    const key = opts?.idempotencyKey;
    if (key !== undefined && opts?.earlierAttempt) {
      const found = await this.findKeyed(channel, key);
      if (found) return { messageId: found };
    }
    return this.postMessage(channel, reply, undefined, key);
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

  /** Slack has no spoiler markup: a spoiler text block would show as plain text. */
  capabilities(): PlatformCapabilities {
    return { spoilers: false };
  }

  async update(channel: ChannelRef, messageId: string, reply: Reply): Promise<void> {
    const token = await this.tokens.botToken(channel.workspaceId);
    await this.call('chat.update', channel, () => this.client.chat.update({ token, channel: channel.channelId, ts: messageId, ...toSlackMessage(reply) }));
  }

  /**
   * Slack has no idempotent create, so a keyed post carries its key as message metadata, and a retry
   * after a crash first looks through the channel's latest messages for it. Without the history scope
   * (an install from before it was added) the look is skipped with a warning: a rare double post beats
   * a missed one.
   */
  private async findKeyed(channel: ChannelRef, key: string): Promise<string | undefined> {
    const token = await this.tokens.botToken(channel.workspaceId);
    try {
      const res = await this.client.conversations.history({ token, channel: channel.channelId, limit: HISTORY_LOOKBACK, include_all_metadata: true });
      const hit = (res.messages ?? []).find((m) => m.metadata?.event_type === POST_EVENT && field(m.metadata.event_payload, 'key') === key);
      if (hit?.ts) this.logger.info({ team: channel.workspaceId, channel: channel.channelId, ts: hit.ts }, 'an earlier attempt had posted this message; adopting it');
      return hit?.ts;
    } catch (err) {
      this.logger.warn({ err: describeError(err), team: channel.workspaceId, channel: channel.channelId }, 'could not look for an earlier attempt at this post; posting it');
      return undefined;
    }
  }

  private async postMessage(channel: ChannelRef, reply: Reply, threadTs: string | undefined, key?: string): Promise<{ messageId: string }> {
    const token = await this.tokens.botToken(channel.workspaceId);
    const res = await this.call('chat.postMessage', channel, () =>
      this.client.chat.postMessage({
        token,
        channel: channel.channelId,
        ...toSlackMessage(reply),
        ...(threadTs ? { thread_ts: threadTs } : {}),
        ...(key !== undefined ? { metadata: { event_type: POST_EVENT, event_payload: { key } } } : {}),
        // An answer full of links would otherwise grow a wall of previews under the question.
        unfurl_links: false,
        unfurl_media: false,
      }),
    );
    if (!res.ts) throw new Error(`chat.postMessage in ${channel.channelId} returned no ts`);
    await this.files.upload(channel, reply, threadTs);
    return { messageId: res.ts };
  }

  private async call<T>(method: string, channel: ChannelRef, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (err) {
      this.logger.warn({ err: describeError(err), method, team: channel.workspaceId, channel: channel.channelId }, 'Slack API call failed');
      const permanent = PERMANENT[slackErrorOf(err) ?? ''];
      throw permanent ? new PlatformRefusal(`${permanent} (${slackErrorOf(err) ?? ''})`, { cause: err }) : err;
    }
  }
}

function slackErrorOf(err: unknown): string | undefined {
  return err instanceof Error ? field((err as Error & { data?: unknown }).data, 'error') : undefined;
}
