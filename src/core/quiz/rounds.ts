import type { ChannelRef } from '../refs.js';
import { closeKey, roundKey } from './keys.js';
import { closedQuestionReply, questionReply, summaryReply } from './replies.js';
import type { QuizDeps } from './service.js';
import { KEEP_MS, loadRound, releaseChannel, updateRound, withQuestion } from './store.js';
import type { RoundRecord } from './types.js';

/**
 * Posts question `index` and arms its time limit. The record says the question is live before the
 * message exists, so a press that beats the post's return is still taken.
 */
export async function postQuestion(deps: QuizDeps, round: RoundRecord, index: number): Promise<void> {
  const { world, platform, config } = deps;
  const limit = config.quiz.timeLimitMs;
  const postedAt = world.clock.now().getTime();
  const live = await updateRound(deps, round, (r) => withQuestion({ ...r, current: index }, index, (q) => ({ ...q, postedAt, deadline: postedAt + limit })));
  const { messageId } = await platform.post(round.channel, questionReply(live, index, limit));
  await updateRound(deps, live, (r) => withQuestion(r, index, (q) => ({ ...q, messageId })));
  armTimer(deps, round.channel, round.id, index, limit);
}

function armTimer(deps: QuizDeps, channel: ChannelRef, roundId: string, index: number, ms: number): void {
  deps.world.timers.after(ms, async () => {
    try {
      await closeIfDue(deps, channel, roundId, index, { rearm: true });
    } catch (err) {
      deps.world.logger.error({ err, channel, roundId, index }, 'quiz: closing a question on its timer failed');
    }
  });
}

/**
 * Closes question `index` when its deadline has passed. The timer calls it with `rearm` (a timer that
 * fires early looks again later); button presses call it without, as the lazy check that keeps a round
 * moving when its timer was lost, e.g. to a restart.
 */
export async function closeIfDue(deps: QuizDeps, channel: ChannelRef, roundId: string, index: number, opts: { rearm: boolean }): Promise<void> {
  const round = await loadRound(deps, channel, roundId);
  const q = round?.questions[index];
  if (!round || round.finished || !q || q.closed || q.deadline === null) return;
  const wait = q.deadline - deps.world.clock.now().getTime();
  if (wait > 0) {
    if (opts.rearm) armTimer(deps, channel, roundId, index, wait);
    return;
  }
  await closeQuestion(deps, round, index);
}

/**
 * Ends question `index` whatever the time (a solo answer ends it early): shows the answer on its
 * message, then posts the next question or the summary. The close marker makes this happen once,
 * however many timers, presses and processes arrive together.
 */
export async function closeQuestion(deps: QuizDeps, round: RoundRecord, index: number): Promise<void> {
  const { world, platform } = deps;
  if (!(await world.store.setIfAbsent(closeKey(round.channel, round.id, index), true, KEEP_MS))) return;
  const closed = await updateRound(deps, round, (r) => {
    const next = withQuestion(r, index, (q) => ({ ...q, closed: true }));
    return { ...next, current: Math.max(r.current, index + 1) };
  });
  const messageId = closed.questions[index]?.messageId;
  if (messageId) {
    try {
      await platform.update(round.channel, messageId, closedQuestionReply(closed, index));
    } catch (err) {
      // A message that keeps its buttons is a blemish; a round that stops here would be a bug.
      world.logger.warn({ err, roundId: round.id, index }, 'quiz: could not update a closed question');
    }
  }
  if (index + 1 < closed.questions.length) {
    try {
      await postQuestion(deps, closed, index + 1);
      return;
    } catch (err) {
      world.logger.error({ err, roundId: round.id, index: index + 1 }, 'quiz: could not post the next question; ending the round');
    }
  }
  await finishRound(deps, closed);
}

/** Marks the round over, frees the channel and posts the summary. */
export async function finishRound(deps: QuizDeps, round: RoundRecord): Promise<void> {
  const { world, platform } = deps;
  const final = await updateRound(deps, round, (r) => ({ ...r, finished: true, current: r.questions.length }));
  // update() drops any expiry; a finished round only has to outlive its buttons for a while.
  await world.store.set(roundKey(round.channel, round.id), final, KEEP_MS);
  await releaseChannel(deps, round);
  try {
    await platform.post(round.channel, summaryReply(final));
  } catch (err) {
    world.logger.error({ err, roundId: round.id }, 'quiz: could not post the round summary');
  }
}
