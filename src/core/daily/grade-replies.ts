import type { Question } from '../../bank/types.js';
import { type Reply, type ReplyBlock, markPicked } from '../reply.js';
import { GRADE_LABELS, type Grade } from '../scoring/grades.js';
import type { GradeResult, HeldGrade } from '../scoring/types.js';
import { gradeAction, revealAction } from './action-ids.js';
import { answerReply, describeGradeResult, hintReply } from './replies.js';
import type { DailyPost } from './types.js';

/**
 * What a person sees after pressing a grade: their own copy of the answer, what was recorded, and the
 * grade buttons with their pick marked ✓. The other grades stay live while the post is open, so a
 * changed mind is one press (and the mark moves); once the post has closed for scoring every button is
 * off. It takes the place of the pressed message where that message was the person's alone (the reveal
 * DM, an ephemeral answer); pressed on a channel post, which serves everyone, it arrives as a new private
 * message and the post stays as it was for the others.
 */
export function gradedReply(post: DailyPost, question: Question, result: GradeResult, points: Record<Grade, number>): Reply {
  return markedAnswer(post, question, result.grade, describeGradeResult(result, points), result.late);
}

/**
 * The answer shown again (Reveal or `reveal` pressed after grading): the grade they gave marked ✓, the
 * others live while the post is open (`closed`: its scoring window is over), so it reads as they left it
 * and a change is still one press.
 */
export function heldGradeReply(post: DailyPost, question: Question, held: HeldGrade, closed: boolean): Reply {
  const label = GRADE_LABELS[held.grade];
  const note = held.late
    ? `Your grade: ${label}, given after the post closed: recorded for your stats.`
    : closed
      ? `Your grade: ${label} (+${held.points}); the post has closed, so it stands.`
      : `Your grade: ${label} (+${held.points}). Press another to change it.`;
  return markedAnswer(post, question, held.grade, note, closed);
}

function markedAnswer(post: DailyPost, question: Question, grade: Grade, note: string, closed: boolean): Reply {
  const picked = gradeAction(post.postId, grade);
  const blocks = answerReply(post, question).blocks.flatMap((b): ReplyBlock[] =>
    b.type === 'buttons'
      ? [
          { type: 'context', markdown: note },
          { type: 'buttons', buttons: markPicked(b.buttons, picked, { final: closed }) },
        ]
      : [b],
  );
  return { blocks, ephemeral: true, replaceMessage: true };
}

/** A revealed answer takes the place of the private message whose Reveal was pressed (the hint). */
export function revealedReply(post: DailyPost, question: Question): Reply {
  return { ...answerReply(post, question, { ephemeral: true }), replaceMessage: true };
}

/** The hint, privately, with a Reveal of its own: pressed there, the answer replaces the hint rather than piling up under it. */
export function hintWithRevealReply(post: DailyPost, question: Question): Reply {
  const hint = hintReply(question);
  return { ...hint, blocks: [...hint.blocks, { type: 'buttons', buttons: [{ action: revealAction(post.postId), label: 'Reveal', style: 'primary' }] }] };
}
