import { nextRun } from '../../scheduler/index.js';
import { UserError } from '../errors.js';
import type { ChannelRef } from '../refs.js';
import { sequenceKey } from './keys.js';
import { addPendingReveal } from './public-reveals.js';
import { loadPost, savePost } from './store.js';
import { postReply } from './replies.js';
import { eligibleQuestions, releaseQuestion, reserveQuestion, retakeQuestion } from './rotation.js';
import { describeScope } from './scope.js';
import type { DailyContext } from './service.js';
import type { DailyChannelSettings, DailyPost, RevealMode } from './types.js';

/** What a post needs from the channel's settings; a manual post in an unconfigured channel uses defaults. */
export type PostSettings = Pick<DailyChannelSettings, 'channel' | 'scope' | 'discussion' | 'reveal'> & { timezone: string };

export function postSettingsOf(settings: DailyChannelSettings): PostSettings {
  return { channel: settings.channel, scope: settings.scope, discussion: settings.discussion, reveal: settings.reveal, timezone: settings.schedule.timezone };
}

export interface PublishOptions {
  /** A question an earlier attempt at this same post chose: post it again rather than a new one. */
  retake?: string;
  /** An earlier attempt at this post may have reached the platform; it is asked to look before posting. */
  earlierAttempt?: boolean;
  /** Told the chosen question before anything is sent, so a take-over after a crash can retake it. */
  onChosen?: (questionId: string) => Promise<void>;
}

/**
 * Takes the channel's next question, posts it and records the post. The postId is made by the caller
 * before anything is sent, so the buttons on the message already carry it, and it is the post's
 * idempotency key, so a retried attempt is answered with the first message where the platform can.
 * When the platform refuses the post, the question goes back into the rotation and the error is
 * rethrown for the caller to report.
 */
export async function publishPost(ctx: DailyContext, settings: PostSettings, postId: string, slotKey: string | null, opts: PublishOptions = {}): Promise<DailyPost> {
  const { world, config, bank, platform } = ctx;
  const { channel } = settings;
  // A question hidden on another process since this one last looked must not be posted here.
  await bank.refresh();
  const eligible = eligibleQuestions(bank.all(), settings);
  if (eligible.length === 0) {
    const answered = settings.discussion ? '' : ' with an answer';
    throw new UserError('not-found', `No question${answered} matches this channel's filter (${describeScope(settings.scope)}).`);
  }
  // A retake the bank has since dropped cannot be posted again; a fresh question is the best left.
  const { questionId, cycle } =
    opts.retake !== undefined && eligible.includes(opts.retake)
      ? await retakeQuestion(world.store, channel, opts.retake, world.random)
      : await reserveQuestion(world.store, channel, eligible, world.random);
  const question = bank.get(questionId);
  if (!question) throw new Error(`rotation picked ${questionId}, which the bank does not have`);

  let messageId: string;
  try {
    await opts.onChosen?.(questionId);
    ({ messageId } = await platform.post(channel, postReply(postId, question, config.revealReactions[0] ?? 'eyes'), {
      idempotencyKey: postId,
      ...(opts.earlierAttempt ? { earlierAttempt: true } : {}),
    }));
  } catch (err) {
    await releaseQuestion(world.store, channel, questionId, cycle);
    throw err;
  }

  // An earlier attempt (another process whose lease ran out mid-post) may have recorded this same post.
  const recorded = await loadPost(world.store, channel, postId);
  if (recorded) return recorded;
  // Numbered only once the message exists, so a failed post leaves no gap that would break streaks.
  const dailySeq = await world.store.update<number>(sequenceKey(channel), (n) => (n ?? 0) + 1);
  const postedAt = world.clock.now();
  const revealAt = publicRevealTime(settings.reveal, settings.timezone, postedAt);
  const post: DailyPost = {
    postId,
    channel,
    messageId,
    questionId,
    category: question.category,
    postedAt: postedAt.toISOString(),
    closesAt: new Date(postedAt.getTime() + config.gradeWindowMs).toISOString(),
    dailySeq,
    revealMode: settings.reveal,
    slotKey,
    ...(revealAt ? { publicRevealAt: revealAt.toISOString() } : {}),
  };
  await savePost(world.store, post);
  await addPendingReveal(world.store, post);
  world.logger.info({ channel, postId, questionId, dailySeq, slotKey }, 'daily question posted');
  return post;
}

/** For `public-at HH:MM`: the first such local time after the post (tomorrow's when it has passed today). */
export function publicRevealTime(mode: RevealMode, timezone: string, postedAt: Date): Date | undefined {
  if (mode.kind !== 'public-at' || mode.trigger.kind !== 'time') return undefined;
  const { hour, minute } = mode.trigger;
  return nextRun({ kind: 'time-of-day', hour, minute, weekdays: [0, 1, 2, 3, 4, 5, 6], timezone }, postedAt);
}

export function defaultPostSettings(channel: ChannelRef, timezone: string): PostSettings {
  return { channel, scope: null, discussion: false, reveal: { kind: 'private' }, timezone };
}
