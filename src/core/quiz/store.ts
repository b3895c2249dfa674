import type { ChannelRef } from '../refs.js';
import { activeKey, roundKey } from './keys.js';
import type { QuizDeps } from './service.js';
import type { ActiveRound, RoundQuestion, RoundRecord } from './types.js';

/** Markers and finished rounds are kept this long: past any round, short enough not to pile up. */
export const KEEP_MS = 2 * 24 * 60 * 60 * 1000;

export function loadRound(deps: QuizDeps, channel: ChannelRef, roundId: string): Promise<RoundRecord | undefined> {
  return deps.world.store.get<RoundRecord>(roundKey(channel, roundId));
}

/** Applies fn to the stored round (atomically); the in-hand copy stands in if the record vanished. */
export function updateRound(deps: QuizDeps, round: RoundRecord, fn: (r: RoundRecord) => RoundRecord): Promise<RoundRecord> {
  return deps.world.store.update<RoundRecord>(roundKey(round.channel, round.id), (current) => fn(current ?? round));
}

export function withQuestion(r: RoundRecord, index: number, fn: (q: RoundQuestion) => RoundQuestion): RoundRecord {
  return { ...r, questions: r.questions.map((q, i) => (i === index ? fn(q) : q)) };
}

/** Frees the channel only if it still holds this round: an expired lock may already belong to another. */
export async function releaseChannel(deps: QuizDeps, round: Pick<RoundRecord, 'id' | 'channel'>): Promise<void> {
  const key = activeKey(round.channel);
  const active = await deps.world.store.get<ActiveRound>(key);
  if (active?.roundId === round.id) await deps.world.store.delete(key);
}
