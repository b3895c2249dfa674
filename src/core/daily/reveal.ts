import type { Question } from '../../bank/types.js';
import type { ReactionInvocation } from '../actions.js';
import { emojiCharacter } from '../emoji.js';
import { metricsOf } from '../metrics.js';
import type { UserRef } from '../refs.js';
import { type Reply, textReply } from '../reply.js';
import { formatLocal } from './format.js';
import { reactorsKey, revealedKey, threadAnswerKey } from './keys.js';
import type { DailyContext } from './service.js';
import { loadSettings, postForMessage } from './store.js';
import { answerReply, gradePromptReply, publicAnswerReply, threadAnswerReply } from './replies.js';
import type { DailyPost } from './types.js';

/**
 * A reveal reaction on a daily post. The first reaction per person delivers (a retried or repeated
 * reaction does nothing); when delivery fails the person's marker is removed, so reacting again retries.
 */
export async function handleReaction(ctx: DailyContext, inv: ReactionInvocation): Promise<void> {
  const { world, config, bank } = ctx;
  const where = { channel: inv.channel, messageId: inv.messageId, reaction: inv.reaction.name, userId: inv.user.userId };
  if (!config.revealReactions.includes(inv.reaction.name)) {
    world.logger.debug(where, 'reaction is not a reveal reaction; ignored');
    return;
  }
  const post = await postForMessage(world.store, inv.channel, inv.messageId);
  if (!post) {
    world.logger.debug(where, 'reaction on a message that is not a daily post; ignored');
    return;
  }
  const question = bank.get(post.questionId);
  if (!question) {
    world.logger.warn({ ...where, postId: post.postId, questionId: post.questionId }, 'daily post question is gone from the bank; nothing to reveal');
    return;
  }
  const marker = revealedKey(post.channel, post.postId, inv.user.userId);
  if (!(await world.store.setIfAbsent(marker, { at: world.clock.now().toISOString(), via: 'reaction' }))) {
    world.logger.debug({ ...where, postId: post.postId }, 'already revealed to this person');
    return;
  }
  try {
    if (await deliver(ctx, post, question, inv.user)) metricsOf(world).revealed(post.channel.platform, 'reaction');
  } catch (err) {
    await world.store.delete(marker);
    world.logger.error({ err, ...where, postId: post.postId, mode: post.revealMode.kind }, 'could not deliver a daily reveal; reacting again retries');
  }
}

/** True when the person can now see the answer; false when they were told to wait for a public reveal. */
async function deliver(ctx: DailyContext, post: DailyPost, question: Question, user: UserRef): Promise<boolean> {
  const { platform } = ctx;
  const toThem = async (reply: Reply): Promise<true> => {
    await platform.sendPrivate(post.channel, user, reply, { parentMessageId: post.messageId });
    return true;
  };
  const mode = post.revealMode;
  switch (mode.kind) {
    case 'private':
      return toThem(answerReply(post, question));
    case 'thread':
      await postInThreadOnce(ctx, post, threadAnswerReply(post, question));
      return toThem(gradePromptReply(post, question));
    case 'public-at': {
      const reactors = await ctx.world.store.update<string[]>(reactorsKey(post.channel, post.postId), (list = []) => (list.includes(user.userId) ? list : [...list, user.userId]));
      const dueByCount = mode.trigger.kind === 'reactions' && reactors.length >= mode.trigger.count;
      const dueByTime = post.publicRevealAt !== undefined && ctx.world.clock.now() >= new Date(post.publicRevealAt);
      if (dueByCount || dueByTime) {
        // The one who tips it over sees the answer appear; everyone after gets their grade buttons.
        if (await postInThreadOnce(ctx, post, publicAnswerReply(post, question))) return true;
        return toThem(gradePromptReply(post, question));
      }
      await toThem(await waitingNote(ctx, post, reactors.length));
      return false;
    }
  }
}

/** Posts in the thread under the post unless that already happened; true when this call posted. */
export async function postInThreadOnce(ctx: DailyContext, post: DailyPost, reply: Reply): Promise<boolean> {
  const { world, platform } = ctx;
  const key = threadAnswerKey(post.channel, post.postId);
  if (!(await world.store.setIfAbsent(key, { at: world.clock.now().toISOString() }))) return false;
  try {
    await platform.postInThread(post.channel, post.messageId, reply);
  } catch (err) {
    // Nobody saw it, so the next reaction or wake may try again.
    await world.store.delete(key);
    throw err;
  }
  metricsOf(world).revealed(post.channel.platform, 'thread');
  world.logger.info({ channel: post.channel, postId: post.postId, mode: post.revealMode.kind }, 'daily answer posted in the thread');
  return true;
}

/** Public-at, before the reveal: tell the reactor when the answer will go up. */
async function waitingNote(ctx: DailyContext, post: DailyPost, reactors: number): Promise<Reply> {
  const mode = post.revealMode;
  if (mode.kind === 'public-at' && mode.trigger.kind === 'reactions') {
    const emoji = emojiCharacter(ctx.config.revealReactions[0] ?? 'eyes');
    return textReply(`The answer goes up in the thread once ${mode.trigger.count} people have reacted ${emoji} (${reactors} so far).`, { ephemeral: true });
  }
  const timezone = (await loadSettings(ctx.world.store, post.channel))?.schedule.timezone ?? ctx.config.defaultTimezone;
  const at = post.publicRevealAt ? formatLocal(new Date(post.publicRevealAt), timezone) : 'the set time';
  return textReply(`The answer goes up in the thread at ${at}.`, { ephemeral: true });
}

/** Public-at a time: posts the answer if it is due. Safe to call from any timer or wake, any number of times. */
export async function revealIfDue(ctx: DailyContext, post: DailyPost): Promise<'revealed' | 'not-due' | 'gone'> {
  if (post.publicRevealAt === undefined || ctx.world.clock.now() < new Date(post.publicRevealAt)) return 'not-due';
  const question = ctx.bank.get(post.questionId);
  if (!question) {
    ctx.world.logger.warn({ channel: post.channel, postId: post.postId, questionId: post.questionId }, 'public reveal skipped: the question is gone from the bank');
    return 'gone';
  }
  await postInThreadOnce(ctx, post, publicAnswerReply(post, question));
  return 'revealed';
}
