import type { Question } from '../../bank/types.js';
import type { Store } from '../../store/store.js';
import { type Random, seededRandom, shuffle } from '../random.js';
import type { ChannelRef } from '../refs.js';
import { rotationKey } from './keys.js';
import { inScope } from './scope.js';
import type { DailyChannelSettings } from './types.js';

/**
 * A channel's walk through the bank. It remembers WHICH questions went out in this cycle rather than a
 * position in a list, because a bank reload adds and removes questions and would shift any position.
 */
export interface RotationState {
  /** Drawn once per channel; with the cycle number it fixes the shuffled order. */
  seed: number;
  cycle: number;
  posted: string[];
  last: string | null;
}

/** The questions a channel may get: in scope, and answered unless discussion questions are on. */
export function eligibleQuestions(questions: readonly Question[], settings: Pick<DailyChannelSettings, 'scope' | 'discussion'>): string[] {
  return questions.filter((q) => inScope(q, settings.scope) && (settings.discussion || q.answer !== null)).map((q) => q.id);
}

/** This cycle's order. Sorted first so the order depends on the ids, not on the files' order. */
export function cycleOrder(state: Pick<RotationState, 'seed' | 'cycle'>, eligible: readonly string[]): string[] {
  return shuffle([...eligible].sort(), seededRandom(`${state.seed}:${state.cycle}`));
}

/**
 * Takes the next question: the first of this cycle's order not yet posted in it; when every eligible
 * question has been posted, a new cycle with a new order. Pure (store.update may run it twice).
 * `eligible` must not be empty.
 */
export function pickNext(state: RotationState | undefined, eligible: readonly string[], freshSeed: number): RotationState {
  let current: RotationState = state ?? { seed: freshSeed, cycle: 1, posted: [], last: null };
  const done = new Set(current.posted);
  let next = cycleOrder(current, eligible).find((id) => !done.has(id));
  if (next === undefined) {
    current = { ...current, cycle: current.cycle + 1, posted: [] };
    const order = cycleOrder(current, eligible);
    // A new order may open with the question that just closed the last cycle; nobody wants it twice in a row.
    next = order[0] === current.last && order.length > 1 ? order[1] : order[0];
  }
  if (next === undefined) throw new Error('pickNext needs at least one eligible question');
  return { ...current, posted: [...current.posted, next], last: next };
}

/** Atomically takes the next question for a channel. */
export async function reserveQuestion(store: Store, channel: ChannelRef, eligible: readonly string[], random: Random): Promise<{ questionId: string; cycle: number }> {
  // Drawn outside update(): its function must be pure, and a fresh seed only matters for a new channel.
  const freshSeed = Math.floor(random.next() * 2 ** 32);
  const state = await store.update<RotationState>(rotationKey(channel), (current) => pickNext(current, eligible, freshSeed));
  return { questionId: state.last ?? '', cycle: state.cycle };
}

/** Puts a question back when its post never went out, so the cycle still shows it. */
export async function releaseQuestion(store: Store, channel: ChannelRef, questionId: string, cycle: number): Promise<void> {
  const key = rotationKey(channel);
  // Only ever called after reserveQuestion wrote the state; the guard keeps update() from inventing one.
  if ((await store.get<RotationState>(key)) === undefined) return;
  await store.update<RotationState>(key, (current) => {
    if (!current) return { seed: 0, cycle: 0, posted: [], last: null };
    if (current.cycle !== cycle) return current;
    return { ...current, posted: current.posted.filter((id) => id !== questionId) };
  });
}

/**
 * Takes a given question again for a post being retried (another attempt chose it and may have posted
 * it), so a take-over posts what the first attempt would have and the cycle still counts it once.
 */
export async function retakeQuestion(store: Store, channel: ChannelRef, questionId: string, random: Random): Promise<{ questionId: string; cycle: number }> {
  const freshSeed = Math.floor(random.next() * 2 ** 32);
  const state = await store.update<RotationState>(rotationKey(channel), (current) => {
    const base = current ?? { seed: freshSeed, cycle: 1, posted: [], last: null };
    return base.posted.includes(questionId) ? base : { ...base, posted: [...base.posted, questionId], last: questionId };
  });
  return { questionId, cycle: state.cycle };
}
