import type { PlatformCapabilities, PlatformPort, PostOptions } from '../../src/core/platform.js';
import type { ChannelRef, UserRef } from '../../src/core/refs.js';
import { type Reply, replyText } from '../../src/core/reply.js';

export type PlatformCall =
  | { kind: 'post'; channel: ChannelRef; reply: Reply; messageId: string }
  | { kind: 'thread'; channel: ChannelRef; parentMessageId: string; reply: Reply; messageId: string }
  | { kind: 'private'; channel: ChannelRef; user: UserRef; reply: Reply; parentMessageId?: string }
  | { kind: 'update'; channel: ChannelRef; messageId: string; reply: Reply };

/**
 * An in-memory chat platform: a test double of the adapter port (not of discord.js or Bolt). It records
 * every call, hands out message ids, and can be told to fail the next calls.
 */
export class FakePlatform implements PlatformPort {
  readonly calls: PlatformCall[] = [];
  private nextId = 1;
  private failures: Error[] = [];
  private readonly byKey = new Map<string, string>();
  private readonly hangs: Array<{ gate: Promise<void>; afterCommit: boolean; reached(): void }> = [];
  /** What it says it can show: spoilers like Discord unless a test plays a platform without them (Slack). */
  spoilers = true;

  capabilities(): PlatformCapabilities {
    return { spoilers: this.spoilers };
  }

  failNext(err: Error = new Error('platform is down'), times = 1): void {
    for (let i = 0; i < times; i++) this.failures.push(err);
  }

  /**
   * The next post waits until `release()` is called: before the message exists, or (afterCommit) once it
   * exists, as when the platform made the message but the process never heard back.
   */
  hangNext(opts: { afterCommit?: boolean } = {}): { release(): void; reached: Promise<void> } {
    let release = (): void => undefined;
    let reached = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const reachedP = new Promise<void>((resolve) => (reached = resolve));
    this.hangs.push({ gate, afterCommit: opts.afterCommit ?? false, reached });
    return { release, reached: reachedP };
  }

  async post(channel: ChannelRef, reply: Reply, opts?: PostOptions): Promise<{ messageId: string }> {
    this.maybeFail();
    const hang = this.hangs.shift();
    hang?.reached();
    if (hang && !hang.afterCommit) await hang.gate;
    // Like Discord's enforce_nonce: a repeated create with the same key answers with the first message.
    const repeat = opts?.idempotencyKey === undefined ? undefined : this.byKey.get(opts.idempotencyKey);
    if (repeat !== undefined) return { messageId: repeat };
    const messageId = `m${this.nextId++}`;
    if (opts?.idempotencyKey !== undefined) this.byKey.set(opts.idempotencyKey, messageId);
    this.calls.push({ kind: 'post', channel, reply, messageId });
    if (hang?.afterCommit) await hang.gate;
    return { messageId };
  }

  async postInThread(channel: ChannelRef, parentMessageId: string, reply: Reply): Promise<{ messageId: string }> {
    this.maybeFail();
    const messageId = `m${this.nextId++}`;
    this.calls.push({ kind: 'thread', channel, parentMessageId, reply, messageId });
    return { messageId };
  }

  async sendPrivate(channel: ChannelRef, user: UserRef, reply: Reply, opts?: { parentMessageId?: string }): Promise<void> {
    this.maybeFail();
    this.calls.push({ kind: 'private', channel, user, reply, ...(opts?.parentMessageId ? { parentMessageId: opts.parentMessageId } : {}) });
  }

  async update(channel: ChannelRef, messageId: string, reply: Reply): Promise<void> {
    this.maybeFail();
    this.calls.push({ kind: 'update', channel, messageId, reply });
  }

  posts(channelId?: string) {
    return this.calls.filter((c): c is Extract<PlatformCall, { kind: 'post' }> => c.kind === 'post' && (!channelId || c.channel.channelId === channelId));
  }

  privates(userId?: string) {
    return this.calls.filter((c): c is Extract<PlatformCall, { kind: 'private' }> => c.kind === 'private' && (!userId || c.user.userId === userId));
  }

  threads(parentMessageId?: string) {
    return this.calls.filter((c): c is Extract<PlatformCall, { kind: 'thread' }> => c.kind === 'thread' && (!parentMessageId || c.parentMessageId === parentMessageId));
  }

  text(call: PlatformCall): string {
    return replyText(call.reply);
  }

  private maybeFail(): void {
    const err = this.failures.shift();
    if (err) throw err;
  }
}
