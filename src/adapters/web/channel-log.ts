import { reactionCharacter } from '../../core/emoji.js';
import type { CoreLogger } from '../../core/logger.js';
import { type ChannelRef, channelKey } from '../../core/refs.js';
import type { Reply } from '../../core/reply.js';
import type { Store } from '../../store/store.js';
import { restoredReply, storableReply } from './stored-images.js';

/**
 * `post`: in the channel for everyone; `thread`: under a post; `private`: a reply only `forUser` sees
 * (reveals, grade answers, ephemeral command replies).
 */
export type WebMessageKind = 'post' | 'thread' | 'private';

export interface WebMessage {
  /** `web:<channel>:<n>`: opaque to the core, made only here. */
  id: string;
  kind: WebMessageKind;
  /** ISO instant. */
  at: string;
  reply: Reply;
  parentId?: string;
  forUser?: string;
  /** A reply to something a person typed: shown as "Ada used `quiz`". */
  invokedBy?: { userId: string; name: string; text: string };
  /** Raw emoji → the user ids that reacted with it. */
  reactions: Record<string, string[]>;
  edited?: boolean;
  /** A slot kept for a command's reply while the command runs, so the reply sits before what it posted. */
  pending?: boolean;
}

export type NewMessage = Pick<WebMessage, 'kind' | 'reply'> & Partial<Pick<WebMessage, 'parentId' | 'forUser' | 'invokedBy' | 'pending'>>;

interface Stored {
  seq: number;
  messages: WebMessage[];
}

export const DEFAULT_KEEP = 200;

/**
 * The playground's channels as the page sees them: the last messages of each channel, kept in memory and
 * copied to the store after every change so a restart opens on the same conversation. Every change bumps
 * one version number and tells the listeners (the page's event streams).
 */
export class ChannelLog {
  private readonly channels = new Map<string, Promise<Stored>>();
  private readonly writes = new Map<string, Promise<void>>();
  private readonly queued = new Set<string>();
  private readonly listeners = new Set<(version: number) => void>();
  private version = 0;

  constructor(
    private readonly store: Store,
    private readonly logger: CoreLogger,
    private readonly now: () => Date,
    private readonly keep = DEFAULT_KEEP,
  ) {}

  currentVersion(): number {
    return this.version;
  }

  subscribe(listener: (version: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async append(channel: ChannelRef, message: NewMessage): Promise<WebMessage> {
    return this.change(channel, (log) => {
      const created: WebMessage = { id: `web:${channel.channelId}:${++log.seq}`, at: this.now().toISOString(), reactions: {}, ...message };
      log.messages.push(created);
      if (log.messages.length > this.keep) log.messages.splice(0, log.messages.length - this.keep);
      return created;
    });
  }

  /** Replaces a message's reply (and, for a filled slot, who sees it); false when it is gone. */
  async replace(channel: ChannelRef, id: string, reply: Reply, patch: Partial<Pick<WebMessage, 'kind' | 'forUser' | 'parentId'>> = {}): Promise<boolean> {
    return this.change(channel, (log) => {
      const message = log.messages.find((m) => m.id === id);
      if (!message) return false;
      const wasPending = message.pending === true;
      Object.assign(message, patch, { reply });
      if (wasPending) delete message.pending;
      else message.edited = true;
      if (patch.kind === 'post') delete message.forUser;
      return true;
    });
  }

  async remove(channel: ChannelRef, id: string): Promise<void> {
    await this.change(channel, (log) => {
      log.messages = log.messages.filter((m) => m.id !== id);
    });
  }

  /**
   * Adds or takes back a reaction; true when this call added it. Reactions are kept under one spelling
   * (`eyes`, `:eyes:` and 👀 are one reaction, shown as 👀), so a person reacts once whichever they typed.
   */
  async react(channel: ChannelRef, id: string, raw: string, userId: string, on: boolean): Promise<boolean> {
    const emoji = reactionCharacter(raw);
    return this.change(channel, (log) => {
      const message = log.messages.find((m) => m.id === id);
      if (!message) return false;
      // Logs written before reactions had one spelling may hold `eyes` beside 👀: merged on the first change.
      message.reactions = mergedReactions(message.reactions);
      const who = message.reactions[emoji] ?? [];
      const had = who.includes(userId);
      if (on && !had) message.reactions[emoji] = [...who, userId];
      if (!on && had) {
        const rest = who.filter((u) => u !== userId);
        if (rest.length > 0) message.reactions[emoji] = rest;
        else delete message.reactions[emoji];
      }
      return on && !had;
    });
  }

  async find(channel: ChannelRef, id: string): Promise<WebMessage | undefined> {
    return (await this.load(channel)).messages.find((m) => m.id === id);
  }

  /** What one person sees: everything public plus what was meant for them, oldest first. */
  async visibleTo(channel: ChannelRef, userId: string): Promise<WebMessage[]> {
    const log = await this.load(channel);
    return log.messages.filter((m) => !m.pending && (m.forUser === undefined || m.forUser === userId));
  }

  /** Resolves once every change so far is in the store. */
  async flush(): Promise<void> {
    await Promise.all([...this.writes.values()]);
  }

  private async change<T>(channel: ChannelRef, fn: (log: Stored) => T): Promise<T> {
    const log = await this.load(channel);
    const result = fn(log);
    this.version++;
    this.persist(channel, log);
    for (const listener of this.listeners) listener(this.version);
    return result;
  }

  private load(channel: ChannelRef): Promise<Stored> {
    const key = channelKey(channel);
    let log = this.channels.get(key);
    if (!log) {
      log = this.store.get<unknown>(storeKey(channel)).then(
        (saved) => this.readable(saved, key),
        (err: unknown) => {
          this.logger.error({ err, channel: key }, 'could not read the playground messages; starting the channel empty');
          return { seq: 0, messages: [] };
        },
      );
      this.channels.set(key, log);
    }
    return log;
  }

  /**
   * What a store holds was written by some version of Recall, maybe an older one: entries that are not
   * messages at all are dropped (and logged) so the rest of the channel still opens; a message whose
   * reply cannot be drawn is kept and shown as a notice by the page's view.
   */
  private readable(saved: unknown, key: string): Stored {
    if (saved === undefined || saved === null) return { seq: 0, messages: [] };
    const value = saved as Partial<Stored>;
    const list: unknown[] = Array.isArray(value.messages) ? value.messages : [];
    const messages = list.filter((m): m is WebMessage => typeof m === 'object' && m !== null && typeof (m as WebMessage).id === 'string');
    if (messages.length !== list.length || !Array.isArray(value.messages)) {
      this.logger.error({ channel: key, dropped: list.length - messages.length }, 'some saved playground messages were unreadable and were dropped');
    }
    const seq = typeof value.seq === 'number' && Number.isFinite(value.seq) ? value.seq : messages.length;
    return { seq, messages: messages.map((m) => ({ ...m, reply: restoredReply(m.reply) })) };
  }

  /** Writes run one after another per channel, each with the latest state; changes while one waits share it. */
  private persist(channel: ChannelRef, log: Stored): void {
    const key = channelKey(channel);
    if (this.queued.has(key)) return;
    this.queued.add(key);
    const previous = this.writes.get(key) ?? Promise.resolve();
    const next = previous.then(async () => {
      this.queued.delete(key);
      try {
        const messages = log.messages.filter((m) => !m.pending).map((m) => ({ ...m, reply: storableReply(m.reply) }));
        await this.store.set(storeKey(channel), { seq: log.seq, messages });
      } catch (err) {
        this.logger.error({ err, channel: key }, 'could not save the playground messages; they stay in memory');
      }
    });
    this.writes.set(key, next);
  }
}

function storeKey(channel: ChannelRef): string {
  return `web:messages:${channelKey(channel)}`;
}

/** Reactions by one spelling each (reactionCharacter), people counted once. */
export function mergedReactions(reactions: Record<string, string[]>): Record<string, string[]> {
  const merged: Record<string, string[]> = {};
  for (const [raw, users] of Object.entries(reactions)) {
    const key = reactionCharacter(raw);
    merged[key] = [...new Set([...(merged[key] ?? []), ...users])];
  }
  return merged;
}
