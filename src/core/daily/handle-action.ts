import type { Question } from '../../bank/types.js';
import type { ActionInvocation } from '../actions.js';
import { UserError } from '../errors.js';
import { metricsOf } from '../metrics.js';
import type { ChannelRef, UserRef, WorkspaceRef } from '../refs.js';
import { type Reply, textReply } from '../reply.js';
import type { Grade } from '../scoring/grades.js';
import type { ScoringService } from '../scoring/service.js';
import { parseDailyAction } from './action-ids.js';
import { revealedKey } from './keys.js';
import type { DailyContext } from './service.js';
import { latestPost, loadPost } from './store.js';
import { gradedReply, heldGradeReply, hintWithRevealReply, revealedReply } from './grade-replies.js';
import type { DailyPost } from './types.js';

const GONE = 'That question is no longer available.';
const NOT_KNOWN = 'That button is not one I know.';

export type ActionContext = DailyContext & { scoring: Pick<ScoringService, 'grade' | 'gradeOn'> };

/**
 * `daily:hint:<postId>`, `daily:reveal:<postId>`, `daily:grade:<postId>:<grade>`; every answer is
 * ephemeral. Reveals and grades ask to take the pressed message's place, which adapters do only where
 * that message was the presser's alone (see README: buttons that remember).
 */
export async function handleAction(ctx: ActionContext, inv: ActionInvocation): Promise<Reply> {
  const action = parseDailyAction(inv.action);
  if (!action) throw new UserError('bad-input', NOT_KNOWN);
  const { post, question } = await findPost(ctx, inv.channel, action.postId);
  switch (action.kind) {
    case 'hint':
      if (question.hints.length === 0) return textReply('This question has no hint.', { ephemeral: true });
      return hintWithRevealReply(post, question);
    case 'reveal':
      return revealTo(ctx, post, question, inv.user, 'button');
    case 'grade': {
      const grade = gradeOf(question, action.grade);
      const result = await ctx.scoring.grade({
        postId: post.postId,
        kind: 'daily',
        user: inv.user,
        channel: post.channel,
        questionId: post.questionId,
        category: post.category,
        grade,
        postedAt: new Date(post.postedAt),
        closesAt: new Date(post.closesAt),
        at: ctx.world.clock.now(),
        dailySeq: post.dailySeq,
      });
      return gradedReply(post, question, result, ctx.config.points);
    }
    case 'unknown':
      throw new UserError('bad-input', NOT_KNOWN);
  }
}

/**
 * What a grade button records. A discussion question (no answer in the bank) is only ever `discussed`:
 * posts from before that grade existed still carry Got it / Partly / Missed buttons, and a press on one
 * counts as taking part rather than as +3 for an answer nobody could check. An answered question
 * cannot be graded `discussed` (that button is never offered for it).
 */
function gradeOf(question: Question, pressed: Grade): Grade {
  if (question.answer === null) return 'discussed';
  if (pressed === 'discussed') throw new UserError('bad-input', 'This question has an answer: grade it Got it, Partly or Missed it.');
  return pressed;
}

/** The `reveal` command: the channel's latest post, privately. */
export async function revealLatest(ctx: ActionContext, channel: ChannelRef, user: UserRef): Promise<Reply> {
  const latest = await latestPost(ctx.world.store, channel);
  if (!latest) throw new UserError('not-found', 'No daily question has been posted in this channel yet.');
  const { post, question } = await findPost(ctx, channel, latest.postId);
  return revealTo(ctx, post, question, user, 'command');
}

async function revealTo(ctx: ActionContext, post: DailyPost, question: Question, user: UserRef, via: 'button' | 'command'): Promise<Reply> {
  // Recorded like a reaction's reveal; an ephemeral reply can be shown again without doubling anything.
  if (await ctx.world.store.setIfAbsent(revealedKey(post.channel, post.postId, user.userId), { at: ctx.world.clock.now().toISOString(), via })) {
    metricsOf(ctx.world).revealed(post.channel.platform, via);
  }
  // Graded already: the answer with their grade marked ✓, as they left it, not fresh buttons that forgot it.
  const held = await ctx.scoring.gradeOn(user, post.postId);
  const closed = ctx.world.clock.now().getTime() > Date.parse(post.closesAt);
  return held ? heldGradeReply(post, question, held, closed) : revealedReply(post, question);
}

async function findPost(ctx: DailyContext, workspace: WorkspaceRef, postId: string): Promise<{ post: DailyPost; question: Question }> {
  const post = await loadPost(ctx.world.store, workspace, postId);
  const question = post ? ctx.bank.get(post.questionId) : undefined;
  if (!post || !question) throw new UserError('not-found', GONE);
  return { post, question };
}
