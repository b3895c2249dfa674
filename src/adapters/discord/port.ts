import { createHash } from 'node:crypto';
import { type APIAllowedMentions, type Client, type PermissionsString, Routes, SnowflakeUtil } from 'discord.js';
import type { PlatformPort } from '../../core/platform.js';
import type { ChannelRef, UserRef } from '../../core/refs.js';
import type { Reply, ReplyBlock } from '../../core/reply.js';
import type { Logger } from '../../log.js';
import type { Store } from '../../store/store.js';
import { NEEDS, explainRefusal, isDmClosed } from './errors.js';
import { RecentIds } from '../kit/recent-ids.js';
import { rememberDmOrigin } from './refs.js';
import { type DiscordMessage, renderReply, renderSingle } from './render.js';
import { createThreadFinder } from './threads.js';

/** Nobody gets pinged by text from a question bank; only the closed-DMs fallback names its one user. */
const NO_MENTIONS: APIAllowedMentions = { parse: [] };
/** Titles of recent posts, to name the thread under them. */
const REMEMBERED_TITLES = 2_000;
/** Guilds of recent DMs, so a grade pressed in a DM skips a store read (a burst is a thousand of them). */
const REMEMBERED_DM_ORIGINS = 20_000;

export interface DiscordPort extends PlatformPort {
  /** The guild a DM this process sent came from, when it still remembers (the store has them all). */
  recentDmOrigin(messageId: string): string | undefined;
  /** DM sends still in flight per DM channel, so a button pressed in that DM can wait for its origin. */
  dmSendsSettled(dmChannelId: string): Promise<void>;
}

/**
 * The core's PlatformPort over discord.js's REST client (its rate limits, retries and error types), by
 * channel id rather than through cached channel objects, so any shard can post anywhere. Every create
 * carries a nonce with `enforce_nonce`: when discord.js retries a POST after a 5xx whose message did go
 * through, Discord answers with that message instead of posting it twice. Permission refusals become
 * errors that name the missing permission, and are logged with the channel.
 */
export function createDiscordPort(client: Client, store: Store, logger: Logger): DiscordPort {
  const threads = createThreadFinder(client);
  const titles = new Map<string, string>();
  const titled = new RecentIds(REMEMBERED_TITLES);
  const dmSends = new Map<string, Set<Promise<unknown>>>();
  const dmOrigins = new Map<string, string>();

  async function create(channelId: string, m: DiscordMessage, mentions: APIAllowedMentions, nonce?: string): Promise<string> {
    const body = { ...toBody(m, mentions), nonce: nonce ?? SnowflakeUtil.generate().toString(), enforce_nonce: true };
    return idOf(await client.rest.post(Routes.channelMessages(channelId), { body, ...uploads(m) }));
  }

  /** Sends in order and returns the ids; once the first is out, a failing continuation is logged, not thrown. */
  async function sendAll(channelId: string, messages: readonly DiscordMessage[], mentions = NO_MENTIONS, idempotencyKey?: string): Promise<string[]> {
    const ids: string[] = [];
    for (const [i, m] of messages.entries()) {
      try {
        ids.push(await create(channelId, m, mentions, idempotencyKey === undefined ? undefined : nonceFor(`${idempotencyKey}#${i}`)));
      } catch (err) {
        if (ids.length === 0) throw err;
        logger.error({ err, channelId, sent: ids.length, of: messages.length }, 'discord: a continuation message failed; the first part is out');
        break;
      }
    }
    return ids;
  }

  async function guarded<T>(channel: ChannelRef, needed: readonly PermissionsString[], what: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      const explained = explainRefusal(client, channel.channelId, needed, err);
      logger.error({ err: explained, channel, what }, `discord: could not ${what}`);
      throw explained;
    }
  }

  async function inThread(channel: ChannelRef, parentMessageId: string, messages: DiscordMessage[], mentions?: APIAllowedMentions): Promise<string> {
    return guarded(channel, NEEDS.thread, 'post in a thread', async () => {
      const threadId = await threads.forMessage(channel.channelId, parentMessageId, titles.get(parentMessageId));
      const [id] = await sendAll(threadId, messages, mentions);
      return id ?? '';
    });
  }

  async function sendDm(channel: ChannelRef, user: UserRef, reply: Reply): Promise<void> {
    const dm = await client.users.createDM(user.userId);
    const sending = (async () => {
      const ids = await sendAll(dm.id, renderReply(reply));
      for (const id of ids) dmOrigins.set(id, channel.workspaceId);
      // Insertion order is age: the oldest go first.
      for (const id of dmOrigins.keys()) {
        if (dmOrigins.size <= REMEMBERED_DM_ORIGINS) break;
        dmOrigins.delete(id);
      }
      await Promise.all(ids.map((id) => rememberDmOrigin(store, id, channel.workspaceId)));
    })();
    const pending = dmSends.get(dm.id) ?? new Set();
    pending.add(sending);
    dmSends.set(dm.id, pending);
    try {
      await sending;
    } finally {
      pending.delete(sending);
      if (pending.size === 0) dmSends.delete(dm.id);
    }
  }

  function rememberTitle(messageId: string, messages: readonly DiscordMessage[]): void {
    const title = messages.flatMap((m) => m.embeds)[0]?.data.title;
    if (!title) return;
    titles.set(messageId, title);
    // Keep the map as small as the id list: drop titles whose id fell out of it.
    if (!titled.add(messageId) || titles.size <= REMEMBERED_TITLES) return;
    for (const id of titles.keys()) if (!titled.has(id)) titles.delete(id);
  }

  return {
    async post(channel, reply, opts) {
      return guarded(channel, NEEDS.post, 'post', async () => {
        const messages = renderReply(reply);
        const [messageId = ''] = await sendAll(channel.channelId, messages, NO_MENTIONS, opts?.idempotencyKey);
        rememberTitle(messageId, messages);
        return { messageId };
      });
    },

    async postInThread(channel, parentMessageId, reply) {
      return { messageId: await inThread(channel, parentMessageId, renderReply(reply)) };
    },

    async sendPrivate(channel, user, reply, opts) {
      try {
        await sendDm(channel, user, reply);
      } catch (err) {
        if (!isDmClosed(err) || !opts?.parentMessageId) {
          logger.warn({ err, channel, userId: user.userId }, 'discord: could not send a direct message');
          throw err;
        }
        // Closed DMs: the reveal goes under the post, hidden, addressed to them by mention.
        logger.info({ channel, userId: user.userId }, 'discord: DMs are closed; sending the private reply as a spoiler in the thread');
        const prefix = `<@${user.userId}> your DMs are closed, so here it is under a spoiler:`;
        await inThread(channel, opts.parentMessageId, renderReply(hidden(reply), { prefix }), { users: [user.userId] });
      }
    },

    async update(channel, messageId, reply) {
      await guarded(channel, NEEDS.edit, 'edit a message', async () => {
        const m = renderSingle(reply);
        await client.rest.patch(Routes.channelMessage(channel.channelId, messageId), { body: { ...toBody(m, NO_MENTIONS), content: m.content ?? '' }, ...uploads(m) });
      });
    },

    // `||…||` hides a spoiler text block until it is clicked.
    capabilities: () => ({ spoilers: true }),

    recentDmOrigin: (messageId) => dmOrigins.get(messageId),

    async dmSendsSettled(dmChannelId) {
      const pending = dmSends.get(dmChannelId);
      if (pending) await Promise.allSettled([...pending]);
    },
  };
}

function toBody(m: DiscordMessage, mentions: APIAllowedMentions) {
  return {
    ...(m.content !== undefined ? { content: m.content } : {}),
    embeds: m.embeds.map((e) => e.toJSON()),
    components: m.components.map((row) => row.toJSON()),
    allowed_mentions: mentions,
    // With files the request goes out as multipart; each is listed here by its index, with its alt text.
    ...(m.files ? { attachments: m.files.map((f, id) => ({ id, filename: f.name, description: f.description })) } : {}),
  };
}

/** discord.js sends a request with `files` as multipart/form-data, the body as its `payload_json`. */
function uploads(m: DiscordMessage): { files?: { name: string; data: Buffer; contentType: string }[] } {
  return m.files ? { files: m.files.map((f) => ({ name: f.name, data: f.data, contentType: 'image/png' })) } : {};
}

/** The id of a created message, from a REST answer typed `unknown`. */
function idOf(result: unknown): string {
  if (typeof result === 'object' && result !== null && 'id' in result && typeof result.id === 'string') return result.id;
  throw new Error('Discord answered a message create without an id');
}

/** The same reply with everything that would give the answer away behind spoilers. */
function hidden(reply: Reply): Reply {
  const blocks = reply.blocks.map((b): ReplyBlock => {
    if (b.type === 'text') return { ...b, spoiler: true };
    if (b.type === 'question') return { type: 'text', markdown: `**${b.title}**\n${b.markdown}`, spoiler: true };
    return b;
  });
  return { ...reply, blocks };
}

/**
 * Discord takes a nonce of at most 25 characters. A key's hash (base64url, 25 characters ≈ 150 bits) is
 * the same in every process, so another process retrying the same post sends the same nonce and Discord
 * answers with the message already made, within the few minutes it remembers nonces.
 */
export function nonceFor(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 25);
}
