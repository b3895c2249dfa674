import { askedMarkdown } from '../../bank/asked.js';
import type { Question } from '../../bank/types.js';
import type { Button, Reply, ReplyBlock } from '../reply.js';
import { gradeAction, showAction, stopAction } from './action-ids.js';
import { PRACTICE_RATINGS, type PracticeRating } from './service.js';
import type { SessionRecord } from './types.js';
import { comesBackIn, shortInterval } from './when.js';

export const RATING_LABELS: Record<PracticeRating, string> = { again: 'Again', hard: 'Hard', good: 'Good', easy: 'Easy' };
const RATING_STYLES: Record<PracticeRating, Button['style']> = { again: 'danger', hard: 'secondary', good: 'success', easy: 'primary' };
export const SESSION_GONE = 'This practice session has ended. Start a new one with `practice`.';

const privately = (blocks: ReplyBlock[]): Reply => ({ blocks, ephemeral: true });

function questionBlock(session: SessionRecord, question: Question): ReplyBlock {
  const card = session.current;
  const kind = card?.isNew ? 'new card' : card?.wasDue ? 'due' : 'review';
  return {
    type: 'question',
    title: `Practice · card ${session.n}`,
    markdown: askedMarkdown(question),
    footer: [question.category, question.difficulty, kind].filter(Boolean).join(' · '),
  };
}

function noteBlocks(session: SessionRecord): ReplyBlock[] {
  return session.note ? [{ type: 'context', markdown: session.note }] : [];
}

/** A card's front: the question, Show answer and Stop. */
export function questionView(session: SessionRecord, question: Question): Reply {
  return privately([
    ...noteBlocks(session),
    questionBlock(session, question),
    {
      type: 'buttons',
      buttons: [
        { action: showAction(session.id, session.n), label: 'Show answer', style: 'primary' },
        { action: stopAction(session.id), label: 'Stop', style: 'secondary' },
      ],
    },
  ]);
}

/** A card's back: the answer and the four ratings, each labelled with when it would bring the card back. */
export function answerView(session: SessionRecord, question: Question, dues: Record<PracticeRating, number>, now: Date): Reply {
  return privately([
    questionBlock(session, question),
    { type: 'text', markdown: question.answer ?? '' },
    {
      type: 'buttons',
      buttons: PRACTICE_RATINGS.map((rating) => ({
        action: gradeAction(session.id, session.n, rating),
        label: `${RATING_LABELS[rating]} · ${shortInterval(dues[rating] - now.getTime())}`,
        style: RATING_STYLES[rating],
      })),
    },
    { type: 'buttons', buttons: [{ action: stopAction(session.id), label: 'Stop', style: 'secondary' }] },
  ]);
}

export interface SummaryFigures {
  /** Cards due by the end of the person's local tomorrow: what tomorrow brings if nothing more is done today. */
  dueTomorrow: number;
  /** When the earliest remaining card of the deck comes back, in ms from now; null with no card. */
  nextDueInMs: number | null;
  /** Why no new card came: the day's limit, when it was reached. */
  newLimitReached: number | null;
  streak: number;
}

/** The end of a session: what was done, and what is coming. */
export function summaryView(session: SessionRecord, figures: SummaryFigures): Reply {
  const lines: string[] = [];
  if (session.reviewed === 0) {
    lines.push('**Nothing to practise right now.**');
  } else {
    const rate = Math.round((100 * session.correct) / session.reviewed);
    lines.push(`**Practice done**: ${session.reviewed} reviewed, ${rate}% correct.`);
  }
  if (figures.nextDueInMs !== null) lines.push(`Next card comes back ${comesBackIn(figures.nextDueInMs)}.`);
  if (figures.newLimitReached !== null) lines.push(`Today's ${figures.newLimitReached} new cards are done (\`practice settings new <n>\` changes that).`);
  lines.push(`Due tomorrow: ${figures.dueTomorrow}.`);
  if (figures.streak > 0) lines.push(`Practice streak: ${figures.streak} day${figures.streak === 1 ? '' : 's'}.`);
  return privately([...noteBlocks(session), { type: 'text', markdown: lines.join('\n') }]);
}

export function goneView(): Reply {
  return privately([{ type: 'text', markdown: SESSION_GONE }]);
}

/** A button's answer takes the place of the card it was pressed on. */
export function asPress(reply: Reply): Reply {
  return { ...reply, ephemeral: true, replaceMessage: true };
}

/** "Good: comes back in 4 days." */
export function gradeNote(rating: PracticeRating, dueInMs: number): string {
  return `${RATING_LABELS[rating]}: this card comes back ${comesBackIn(dueInMs)}.`;
}
