import { type Button, type Reply, type ReplyBlock, markPicked } from '../reply.js';
import { GRADE_LABELS } from '../scoring/grades.js';
import { LETTERS, choiceAction, gradeAction, typeAction } from './action-ids.js';
import { escapeMarkdown, questionReply, revealReply } from './replies.js';
import type { RoundAnswer, RoundQuestion, RoundRecord } from './types.js';

/**
 * What a person sees after answering a quiz question: their own private copy of the buttons, their
 * pick marked ✓ and every button off, since a quiz answer is final. The question's post in the channel
 * serves everyone still answering, so it is never changed for one person; it closes for all at the
 * deadline (rounds.ts). A flashcard's grade takes the place of the private answer it was pressed on.
 * `again`: the words for a second press (the first answer stands), in place of what the first scored.
 */
export function answeredReply(round: RoundRecord, index: number, userId: string, again: string | null = null): Reply | null {
  const q = round.questions[index];
  const answer = q?.answers[userId];
  if (!q || !answer) return null;
  if (q.kind === 'typed' && answer.typed !== undefined) return typedRightReply(round, index, answer, again);
  if (q.kind !== 'choice') {
    const grades = buttonsOf(revealReply(round, index, false));
    const picked = typeof answer.pick === 'string' ? gradeAction(round.id, index, answer.pick) : '';
    return {
      blocks: [
        { type: 'text', markdown: q.answer },
        { type: 'context', markdown: again ?? flashcardNote(answer) },
        { type: 'buttons', buttons: markPicked(grades, picked, { final: true }) },
      ],
      ephemeral: true,
      replaceMessage: true,
    };
  }
  const choices = buttonsOf(questionReply(round, index, 0));
  const picked = typeof answer.pick === 'number' ? choiceAction(round.id, index, answer.pick) : '';
  const marked = markPicked(choices, picked, { final: true }).map((b): Button => (b.selected ? { ...b, style: answer.right ? 'success' : 'danger' } : b));
  return {
    blocks: [
      { type: 'text', markdown: again ?? choiceNote(answer, q.correct) },
      { type: 'buttons', buttons: marked },
      { type: 'context', markdown: `Your answer to question ${index + 1} of ${round.questions.length}` },
    ],
    ephemeral: true,
    // Pressed on the channel post this is a new private message (adapters never replace a post); pressed on
    // this copy itself (Slack cannot switch the marked pick off) it stands in for itself rather than piling up.
    replaceMessage: true,
  };
}

/**
 * A typed answer that matched reads like a right choice: "Right!", the points and the bank's answer, then
 * what was typed (a near-miss with a typo shows both), the "Type your answer" button marked and off.
 */
function typedRightReply(round: RoundRecord, index: number, answer: RoundAnswer, again: string | null): Reply {
  const q = round.questions[index] as RoundQuestion;
  const typeButton: Button = { action: typeAction(round.id, index), label: 'Type your answer', style: 'success' };
  return {
    blocks: [
      { type: 'text', markdown: again ?? `Right! +${answer.points} — ${q.answer}` },
      { type: 'context', markdown: `You typed “${escapeMarkdown(answer.typed ?? '')}” · your answer to question ${index + 1} of ${round.questions.length}` },
      { type: 'buttons', buttons: markPicked([typeButton], typeButton.action, { final: true }) },
    ],
    ephemeral: true,
    replaceMessage: true,
  };
}

function flashcardNote(answer: RoundAnswer): string {
  const label = typeof answer.pick === 'string' ? GRADE_LABELS[answer.pick] : '?';
  return `Noted: ${label} (+${answer.points}).`;
}

function choiceNote(answer: RoundAnswer, correct: number): string {
  return answer.right ? `Right! +${answer.points}` : `Not quite — it was ${LETTERS[correct] ?? '?'}.`;
}

function buttonsOf(reply: Reply): Button[] {
  return reply.blocks.flatMap((b: ReplyBlock) => (b.type === 'buttons' ? b.buttons : []));
}
