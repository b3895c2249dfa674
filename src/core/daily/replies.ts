import { askedMarkdown } from '../../bank/asked.js';
import type { Question } from '../../bank/types.js';
import { emojiCharacter } from '../emoji.js';
import type { Button, Reply, ReplyBlock } from '../reply.js';
import { GRADE_LABELS, type Grade, gradesFor } from '../scoring/grades.js';
import type { GradeResult } from '../scoring/types.js';
import { gradeAction, hintAction, revealAction } from './action-ids.js';
import type { DailyPost } from './types.js';

export const POST_TITLE = 'Daily question';
export const NO_ANSWER = 'No answer in the bank — discuss in the thread';

const GRADE_STYLES: Record<Grade, Button['style']> = { got: 'success', partly: 'secondary', missed: 'danger', discussed: 'primary' };

/** The post itself: the question exactly as the bank has it, nothing before it. */
export function postReply(postId: string, question: Question, revealReaction: string): Reply {
  const how = question.answer === null ? 'Discussion question: share your answer in the thread' : `React ${emojiCharacter(revealReaction)} to see the answer`;
  const buttons: Button[] = [];
  if (question.hints.length > 0) buttons.push({ action: hintAction(postId), label: 'Hint', style: 'secondary' });
  buttons.push({ action: revealAction(postId), label: 'Reveal', style: 'primary' });
  return {
    blocks: [
      { type: 'question', title: POST_TITLE, markdown: askedMarkdown(question), footer: [question.category, how].filter(Boolean).join(' · ') },
      { type: 'buttons', buttons },
    ],
  };
}

/** Got it / Partly / Missed it; a discussion question (no answer to check against) offers Discussed alone. */
export function gradeButtons(postId: string, question: Pick<Question, 'answer'>): ReplyBlock {
  return { type: 'buttons', buttons: gradesFor(question).map((grade) => ({ action: gradeAction(postId, grade), label: GRADE_LABELS[grade], style: GRADE_STYLES[grade] })) };
}

function heading(post: DailyPost): ReplyBlock {
  return { type: 'context', markdown: [`Answer to daily question #${post.dailySeq}`, post.category].filter(Boolean).join(' · ') };
}

/** One person's answer with the grade buttons (a private message or an ephemeral reply). */
export function answerReply(post: DailyPost, question: Question, opts: { ephemeral?: boolean } = {}): Reply {
  return {
    blocks: [heading(post), { type: 'text', markdown: question.answer ?? NO_ANSWER }, gradeButtons(post.postId, question)],
    ...(opts.ephemeral ? { ephemeral: true } : {}),
  };
}

/** Thread mode: the answer once under the post, hidden until clicked. Grades go privately to each reactor. */
export function threadAnswerReply(post: DailyPost, question: Question): Reply {
  return { blocks: [heading(post), { type: 'text', markdown: question.answer ?? NO_ANSWER, spoiler: true }] };
}

/** Public-at mode: the answer for everyone, with grade buttons anyone can press for themselves. */
export function publicAnswerReply(post: DailyPost, question: Question): Reply {
  return { blocks: [heading(post), { type: 'text', markdown: question.answer ?? NO_ANSWER }, gradeButtons(post.postId, question)] };
}

/** Thread mode, to each reactor: where the answer is, and their grade buttons. */
export function gradePromptReply(post: DailyPost, question: Question): Reply {
  const prompt =
    question.answer === null
      ? `Daily question #${post.dailySeq} is a discussion: share your answer in the thread, then mark it discussed.`
      : `The answer to daily question #${post.dailySeq} is in the thread. How did you do?`;
  return { blocks: [{ type: 'text', markdown: prompt }, gradeButtons(post.postId, question)] };
}

export function hintReply(question: Question): Reply {
  const lines = question.hints.length === 1 ? [`**Hint:** ${question.hints[0] ?? ''}`] : ['**Hints:**', ...question.hints.map((h) => `• ${h}`)];
  return { blocks: [{ type: 'text', markdown: lines.join('\n') }], ephemeral: true };
}

/** "Recorded: Got it (+3). Streak 4." / "Changed from Partly to Got it (+2)." / the late and repeat cases. */
export function describeGradeResult(result: GradeResult, points: Record<Grade, number>): string {
  const label = GRADE_LABELS[result.grade];
  if (result.late) return 'That post closed for scoring; recorded for your stats.';
  if (!result.changed) return `Already recorded: ${label}.`;
  if (result.previous !== null) {
    // The bonus stays with the first grade, so a change moves the score by the difference in grade points.
    const delta = result.points - points[result.previous];
    return `Changed from ${GRADE_LABELS[result.previous]} to ${label} (${signed(delta)}).`;
  }
  const bonus = result.bonus > 0 ? `, ${signed(result.bonus)} streak bonus` : '';
  const streak = result.streak !== undefined && result.streak > 0 ? ` Streak ${result.streak}.` : '';
  return `Recorded: ${label} (${signed(result.points)}${bonus}).${streak}`;
}

function signed(n: number): string {
  return n < 0 ? `−${Math.abs(n)}` : `+${n}`;
}
