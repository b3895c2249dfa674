import type { ActionInvocation } from '../actions.js';
import { type Reply, textReply } from '../reply.js';
import { GRADE_LABELS, type Grade, type SelfGrade } from '../scoring/grades.js';
import { LETTERS, type QuizAction, parseQuizAction } from './action-ids.js';
import type { QuizDeps } from './service.js';
import { answerKey } from './keys.js';
import { choicePoints } from './points.js';
import { answeredReply } from './press-replies.js';
import { revealReply } from './replies.js';
import { closeIfDue, closeQuestion } from './rounds.js';
import { KEEP_MS, loadRound, updateRound, withQuestion } from './store.js';
import type { RoundQuestion, RoundRecord } from './types.js';

const privately = (markdown: string): Reply => textReply(markdown, { ephemeral: true });
export const ROUND_OVER = 'This round is over.';
export const TIME_UP = "Time's up on that question.";
export const ALREADY = 'You already answered this one.';

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
    case 'grade':
      if (q.kind !== 'flashcard') return privately(ROUND_OVER);
      return answer(deps, inv, round, action, { pick: action.grade, grade: action.grade, right: action.grade === 'got', points: deps.config.points[action.grade] });
  }
}

interface Outcome {
  pick: number | SelfGrade;
  grade: Grade;
  right: boolean;
  points: number;
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
    const next = withQuestion(r, action.index, (x) => ({ ...x, answers: { ...x.answers, [userId]: { pick: outcome.pick, right: outcome.right, points: outcome.points } } }));
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

function confirmation(q: RoundQuestion, outcome: Outcome): string {
  if (q.kind === 'flashcard') return `Noted: ${GRADE_LABELS[outcome.grade]} (+${outcome.points}).`;
  return outcome.right ? `Right! +${outcome.points}` : `Not quite — it was ${LETTERS[q.correct] ?? '?'}.`;
}
