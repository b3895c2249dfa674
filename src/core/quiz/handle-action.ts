import type { ActionInvocation } from '../actions.js';
import { type Reply, textReply } from '../reply.js';
import { GRADE_LABELS, type Grade, type SelfGrade } from '../scoring/grades.js';
import { renderPlain } from '../../bank/render/plain.js';
import { LETTERS, type QuizAction, parseQuizAction, typedAction } from './action-ids.js';
import type { QuizDeps } from './service.js';
import { answerKey, typedKey } from './keys.js';
import { matchesTyped } from './match.js';
import { choicePoints } from './points.js';
import { answeredReply } from './press-replies.js';
import { escapeMarkdown, revealReply } from './replies.js';
import { closeIfDue, closeQuestion } from './rounds.js';
import { KEEP_MS, loadRound, updateRound, withQuestion } from './store.js';
import type { RoundAnswer, RoundQuestion, RoundRecord } from './types.js';

const privately = (markdown: string): Reply => textReply(markdown, { ephemeral: true });
export const ROUND_OVER = 'This round is over.';
export const TIME_UP = "Time's up on that question.";
export const ALREADY = 'You already answered this one.';
/** The one field of the typed-answer form. */
export const TYPED_FIELD = 'answer';

/** A press of any quiz button. Stale, unknown or malformed presses get a private word, never a throw. */
export async function handleQuizAction(deps: QuizDeps, inv: ActionInvocation): Promise<Reply> {
  const action = parseQuizAction(inv.action);
  if (!action) {
    deps.world.logger.warn({ action: inv.action }, 'quiz: a button this service does not know');
    return privately(ROUND_OVER);
  }
  const before = await loadRound(deps, inv.channel, action.roundId);
  if (!before || before.finished) return privately(ROUND_OVER);
  // The lazy check: a question whose time ran out closes now, even if its timer never fired.
  await closeIfDue(deps, inv.channel, before.id, before.current, { rearm: false });
  const round = await loadRound(deps, inv.channel, action.roundId);
  const q = round?.questions[action.index];
  if (!round || !q || q.postedAt === null || q.deadline === null) return privately(ROUND_OVER);
  if (q.closed || deps.world.clock.now().getTime() >= q.deadline) return privately(round.finished ? ROUND_OVER : TIME_UP);
  switch (action.kind) {
    case 'reveal': {
      if (q.kind !== 'flashcard') return privately(ROUND_OVER);
      const graded = (await deps.world.store.get(answerKey(round.channel, round.id, action.index, inv.user.userId))) !== undefined;
      // Graded already: their marked grade again, not live buttons that could only say "already".
      return (graded ? answeredReply(round, action.index, inv.user.userId, 'You graded this one already.') : null) ?? revealReply(round, action.index, graded);
    }
    case 'choice':
      if (q.kind !== 'choice' || action.choice >= q.choices.length) return privately(ROUND_OVER);
      return answer(deps, inv, round, action, choiceOutcome(deps, q, action.choice));
    case 'type':
      if (q.kind !== 'typed') return privately(ROUND_OVER);
      return typeForm(deps, round, action.index, inv.user.userId);
    case 'typed':
      if (q.kind !== 'typed') return privately(ROUND_OVER);
      return typedAnswer(deps, inv, round, action, q);
    case 'grade':
      if (q.kind === 'choice') return privately(ROUND_OVER);
      return answer(deps, inv, round, action, { pick: action.grade, grade: action.grade, right: action.grade === 'got', points: deps.config.points[action.grade] });
  }
}

/**
 * The form for a typed answer. Where the platform cannot open it (too late, no trigger), the blocks
 * stand in: the answer and the self-grade buttons, the flashcard's way of answering.
 */
async function typeForm(deps: QuizDeps, round: RoundRecord, index: number, userId: string): Promise<Reply> {
  if (await answeredBy(deps, round, index, userId)) return answeredReply(round, index, userId, ALREADY) ?? privately(ALREADY);
  const q = round.questions[index] as RoundQuestion;
  const asked = plainQuestion(q.question);
  return {
    ...revealReply(round, index, false),
    modal: {
      submit: typedAction(round.id, index),
      title: `Question ${index + 1}`,
      submitLabel: 'Answer',
      fields: [{ id: TYPED_FIELD, label: 'Your answer', style: 'short', maxLength: 200, placeholder: asked.length > 100 ? `${asked.slice(0, 99)}…` : asked }],
    },
  };
}

/** A typed answer: a match scores like a right choice; a miss shows the answer to grade yourself by. */
async function typedAnswer(deps: QuizDeps, inv: ActionInvocation, round: RoundRecord, action: QuizAction, q: RoundQuestion): Promise<Reply> {
  const typed = (inv.values?.[TYPED_FIELD] ?? '').trim();
  if (typed === '') return { ...privately('**Your answer**: type something, or let the time run out.'), fieldErrors: { [TYPED_FIELD]: 'type something' } };
  const { userId } = inv.user;
  if (await answeredBy(deps, round, action.index, userId)) return answeredReply(round, action.index, userId, ALREADY) ?? privately(ALREADY);
  // One typed try each: a second submission may not fish for the match.
  if (!(await deps.world.store.setIfAbsent(typedKey(round.channel, round.id, action.index, userId), { typed }, KEEP_MS))) return privately(ALREADY);
  if (matchesTyped(typed, q.accept ?? [])) {
    const { correctPoints, speedBonus, timeLimitMs } = deps.config.quiz;
    const elapsedMs = deps.world.clock.now().getTime() - (q.postedAt ?? 0);
    return answer(deps, inv, round, action, { pick: 'got', grade: 'got', right: true, points: choicePoints({ correctPoints, speedBonus, timeLimitMs, elapsedMs }), typed });
  }
  const reveal = revealReply(round, action.index, false);
  return { ...reveal, blocks: [{ type: 'context', markdown: `You typed “${escapeMarkdown(typed)}”: not a match. The answer, to grade yourself by:` }, ...reveal.blocks] };
}

async function answeredBy(deps: QuizDeps, round: RoundRecord, index: number, userId: string): Promise<boolean> {
  return (await deps.world.store.get(answerKey(round.channel, round.id, index, userId))) !== undefined;
}

function plainQuestion(markdown: string): string {
  return renderPlain(markdown).replace(/\s+/g, ' ').trim();
}

interface Outcome {
  pick: number | SelfGrade;
  grade: Grade;
  right: boolean;
  points: number;
  /** A typed answer that matched: kept with the answer, so the reply can say what was typed. */
  typed?: string;
}

function choiceOutcome(deps: QuizDeps, q: RoundQuestion, choice: number): Outcome {
  const { correctPoints, speedBonus, timeLimitMs } = deps.config.quiz;
  const right = choice === q.correct;
  const elapsedMs = deps.world.clock.now().getTime() - (q.postedAt ?? 0);
  return { pick: choice, grade: right ? 'got' : 'missed', right, points: right ? choicePoints({ correctPoints, speedBonus, timeLimitMs, elapsedMs }) : 0 };
}

/** Takes a person's one answer to a question: marker first, so a repeated delivery counts once. */
async function answer(deps: QuizDeps, inv: ActionInvocation, round: RoundRecord, action: QuizAction, outcome: Outcome): Promise<Reply> {
  const { world, scoring } = deps;
  const { userId } = inv.user;
  if (round.solo && userId !== round.starter.userId) {
    return privately(`This is a solo round for ${round.starter.name ?? round.starter.userId}; you can start your own once it ends.`);
  }
  const now = world.clock.now();
  if (!(await world.store.setIfAbsent(answerKey(round.channel, round.id, action.index, userId), { at: now.getTime() }, KEEP_MS))) {
    // What they picked, marked, when the first press is on record (a concurrent one may still be writing it).
    return answeredReply(round, action.index, userId, ALREADY) ?? privately(ALREADY);
  }
  const q = round.questions[action.index] as RoundQuestion;
  const name = inv.user.name ?? userId;
  const answered = await updateRound(deps, round, (r) => {
    if (r.questions[action.index]?.answers[userId]) return r;
    const score = r.scores[userId] ?? { name, points: 0, right: 0, answered: 0 };
    const next = withQuestion(r, action.index, (x) => ({ ...x, answers: { ...x.answers, [userId]: answerOf(outcome) } }));
    return {
      ...next,
      scores: { ...next.scores, [userId]: { name, points: score.points + outcome.points, right: score.right + (outcome.right ? 1 : 0), answered: score.answered + 1 } },
    };
  });
  await scoring.grade({
    kind: 'quiz',
    postId: `${round.id}:${action.index}`,
    user: inv.user,
    channel: round.channel,
    questionId: q.questionId,
    category: q.category,
    grade: outcome.grade,
    points: outcome.points,
    postedAt: new Date(q.postedAt ?? now.getTime()),
    closesAt: new Date(q.deadline ?? now.getTime()),
    at: now,
  });
  // Solo rounds wait for no one else: the answer ends the question and brings the next.
  if (round.solo) await closeQuestion(deps, round, action.index);
  return answeredReply(answered, action.index, userId) ?? privately(confirmation(q, outcome));
}

function answerOf(outcome: Outcome): RoundAnswer {
  return { pick: outcome.pick, right: outcome.right, points: outcome.points, ...(outcome.typed !== undefined ? { typed: outcome.typed } : {}) };
}

function confirmation(q: RoundQuestion, outcome: Outcome): string {
  if (outcome.typed !== undefined) return `Right! +${outcome.points} — ${q.answer}`;
  if (q.kind !== 'choice') return `Noted: ${GRADE_LABELS[outcome.grade]} (+${outcome.points}).`;
  return outcome.right ? `Right! +${outcome.points}` : `Not quite — it was ${LETTERS[q.correct] ?? '?'}.`;
}
