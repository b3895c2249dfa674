import { performance } from 'node:perf_hooks';
import type { FakeDiscord, FakeInteraction, FakeMessage } from '../../tests/fakes/discord/index.js';
import { answerOf, messageText } from '../../tests/fakes/discord/index.js';
import type { Recall } from './setup.js';
import { GUILD, addPeople } from './setup.js';
import { gradeId } from './latency.js';

export interface BurstResult {
  people: number;
  revealMs: number;
  /** Until every press was acknowledged (Discord's 3 s), and until every answer was complete. */
  ackMs: number;
  gradeMs: number;
  /** Presses answered by deferring first, because the work took longer than the adapter waits. */
  deferred: number;
  /** People with exactly one reveal DM, holding the answer and grade buttons. */
  revealedOnce: number;
  /** Presses answered "Got it" on the first callback, and duplicates that got no second callback. */
  gradedOk: number;
  duplicatesDropped: number;
  duplicates: number;
  /** People whose all-time board points are exactly the 3 of one "Got it". */
  exactPoints: number;
  restRequests: number;
}

/**
 * A thousand people react 👀 on one post at once; then each presses "Got it" in their DM, every tenth
 * press delivered twice (as a reconnect replay would). Everyone must get one reveal, and one grade.
 */
export async function reactionBurst(fake: FakeDiscord, recall: Recall, post: FakeMessage, n: number): Promise<BurstResult> {
  const { people } = addPeople(fake, 'burst', n);
  const requestsBefore = fake.requests.length;

  const dmsBefore = fake.world.created.dm;
  const t0 = performance.now();
  for (const p of people) fake.react({ message: post, user: p, emoji: '👀' });
  await fake.until(() => fake.world.created.dm - dmsBefore >= n, 'every reveal DM', 120_000, 5);
  const revealMs = performance.now() - t0;
  // Anything still arriving would be a duplicate: give it a moment to show.
  await new Promise((r) => setTimeout(r, 200));
  const revealedOnce = people.filter((p) => {
    const dms = fake.dms(p.id);
    return dms.length === 1 && /Answer to daily question/.test(messageText(dms[0] as FakeMessage)) && gradeId(dms[0] as FakeMessage) !== '';
  }).length;

  const t1 = performance.now();
  const presses: FakeInteraction[] = people.map((p) => {
    const dm = fake.dms(p.id)[0] as FakeMessage;
    return fake.press({ message: dm, customId: gradeId(dm), user: p });
  });
  const duplicated = presses.filter((_, k) => k % 10 === 0);
  for (const i of duplicated) fake.redeliver(i);
  await Promise.all(presses.map((i) => fake.callbackOf(i)));
  const ackMs = performance.now() - t1;
  // A slow store makes some answers deferred (acknowledged first, edited in later): wait for the words.
  const deferred = presses.filter((i) => i.callbacks[0]?.['type'] === 5).length;
  await fake.until(() => presses.every(answered), 'every grade answer', 120_000, 10);
  const gradeMs = performance.now() - t1;
  await new Promise((r) => setTimeout(r, 200));

  const gradedOk = presses.filter((i) => {
    const text = messageText(answerOf(i));
    return /Got it/.test(text) && !/Already/.test(text);
  }).length;
  const duplicatesDropped = duplicated.filter((i) => i.callbacks.length === 1).length;
  const scoring = recall.engine.services.scoring;
  const at = new Date();
  let exactPoints = 0;
  for (const p of people) {
    const board = await scoring.leaderboard({
      workspace: { platform: 'discord', workspaceId: GUILD },
      kind: 'people',
      period: 'all',
      user: { platform: 'discord', workspaceId: GUILD, userId: p.id },
      at,
    });
    if (board.own?.points === 3) exactPoints++;
  }
  return {
    people: n,
    revealMs,
    ackMs,
    gradeMs,
    deferred,
    revealedOnce,
    gradedOk,
    duplicatesDropped,
    duplicates: duplicated.length,
    exactPoints,
    restRequests: fake.requests.length - requestsBefore,
  };
}

/** Answered for good: a reply, an edited deferral, or a follow-up after a deleted placeholder. */
function answered(i: FakeInteraction): boolean {
  if (i.deleted) return i.followUps.length > 0;
  return i.original !== null && (Number(i.original['flags']) & 128) === 0;
}
