import { UserError } from '../errors.js';
import { shuffle } from '../random.js';
import type { Reply } from '../reply.js';
import type { AnsweredQuestion } from './build.js';
import { buildRoundQuestions } from './build.js';
import { activeKey, roundKey } from './keys.js';
import { announceReply } from './replies.js';
import { closeIfDue, postQuestion } from './rounds.js';
import type { QuizDeps, StartQuizInput } from './service.js';
import { loadRound, releaseChannel } from './store.js';
import type { ActiveRound, RoundRecord } from './types.js';

/** Starts a round: picks and builds its questions, claims the channel, posts question 1. */
export async function startRound(deps: QuizDeps, input: StartQuizInput, gist: (q: AnsweredQuestion) => string | null): Promise<Reply> {
  const { world, config } = deps;
  const count = checkCount(input.count ?? config.quiz.defaultQuestions, config.quiz.maxQuestions);
  const categories = resolveCategories(deps, input.categories ?? []);
  const answered = deps.bank.all().filter((q): q is AnsweredQuestion => q.answer !== null);
  const eligible = categories ? answered.filter((q) => q.category !== null && categories.includes(q.category)) : answered;
  if (eligible.length === 0) {
    throw new UserError(
      'not-found',
      categories
        ? `${categories.join(', ')} has no answered questions yet, so there is nothing to quiz on.`
        : 'The bank has no answered questions yet, so there is nothing to quiz on.',
    );
  }
  const picked = shuffle(eligible, world.random).slice(0, count);
  const questions = buildRoundQuestions(picked, answered, { random: world.random, maxChoiceChars: config.quiz.maxChoiceChars, gist });
  const now = world.clock.now().getTime();
  const round: RoundRecord = {
    id: newRoundId(now, world.random.next()),
    channel: input.channel,
    starter: input.user,
    solo: input.solo ?? false,
    categories,
    startedAt: now,
    current: 0,
    finished: false,
    questions,
    scores: {},
  };
  await claimChannel(deps, round);
  await world.store.set(roundKey(round.channel, round.id), round);
  try {
    await postQuestion(deps, round, 0);
  } catch (err) {
    // Nothing was asked: undo the round so the channel is free to try again.
    await world.store.delete(roundKey(round.channel, round.id));
    await releaseChannel(deps, round);
    throw err;
  }
  const note = picked.length < count ? `Only ${picked.length} answered question${picked.length === 1 ? '' : 's'} to ask from, so this round has ${picked.length}.` : null;
  return announceReply(round, config.quiz.timeLimitMs, note);
}

function checkCount(count: number, max: number): number {
  if (!Number.isInteger(count) || count < 1 || count > max) throw new UserError('bad-input', `A round has from 1 to ${max} questions, not ${count}.`);
  return count;
}

/** Null means the whole bank; every typed name must match something, or the person hears which exist. */
function resolveCategories(deps: QuizDeps, typed: readonly string[]): string[] | null {
  const inputs = typed.map((t) => t.trim()).filter((t) => t.length > 0);
  if (inputs.length === 0) return null;
  const names = new Set<string>();
  for (const input of inputs) {
    const hits = deps.bank.resolveCategories(input);
    if (hits.length === 0) {
      const known = deps.bank
        .categories()
        .filter((c) => c.answered > 0)
        .map((c) => c.name);
      throw new UserError('not-found', `No category matches \`${input}\`. Categories with answers: ${known.join(', ') || 'none yet'}.`);
    }
    for (const hit of hits) names.add(hit);
  }
  return [...names];
}

/**
 * One round per channel: the active key is set-if-absent, with a ttl a little past the longest the
 * round can take, so a crashed process cannot lock a channel for good. A round whose question is
 * overdue (its timer lost) gets moved on first, and may end and free the channel.
 */
async function claimChannel(deps: QuizDeps, round: RoundRecord): Promise<void> {
  const { store } = deps.world;
  const limit = deps.config.quiz.timeLimitMs;
  const ttl = round.questions.length * limit + limit + 60_000;
  const claim = () => store.setIfAbsent<ActiveRound>(activeKey(round.channel), { roundId: round.id, startedAt: round.startedAt }, ttl);
  if (await claim()) return;
  const running = await activeRound(deps, round);
  if (running?.finished) await releaseChannel(deps, running);
  else if (running) await closeIfDue(deps, running.channel, running.id, running.current, { rearm: false });
  if (running && (await claim())) return;
  throw busy(await activeRound(deps, round));
}

async function activeRound(deps: QuizDeps, round: RoundRecord): Promise<RoundRecord | undefined> {
  const active = await deps.world.store.get<ActiveRound>(activeKey(round.channel));
  return active ? loadRound(deps, round.channel, active.roundId) : undefined;
}

function busy(running: RoundRecord | undefined): UserError {
  const where = running ? ` (question ${Math.min(running.current + 1, running.questions.length)} of ${running.questions.length})` : '';
  return new UserError('conflict', `A round is already running here${where}; wait for it to end.`);
}

/** Time first, so ids sort by start; the random tail keeps two processes' ids apart. */
function newRoundId(nowMs: number, random: number): string {
  return `${nowMs.toString(36)}${Math.floor(random * 36 ** 4)
    .toString(36)
    .padStart(4, '0')}`;
}
