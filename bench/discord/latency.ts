import type { FakeDiscord, FakeInteraction, FakeMessage, FakeUser } from '../../tests/fakes/discord/index.js';
import { performance } from 'node:perf_hooks';
import { CHANNEL, GUILD, type Recall, addPeople } from './setup.js';

export interface Samples {
  bare: number[];
  recall: number[];
}

/** Dispatch → callback at the fake, in ms, measured by the fake on both ends. */
async function timed(fake: FakeDiscord, start: () => FakeInteraction): Promise<number> {
  const i = await fake.callbackOf(start());
  return (i.answeredAt ?? Number.NaN) - i.dispatchedAt;
}

/** Alternates which side goes first, so neither always runs on a warmer event loop. */
async function pairs(n: number, bare: () => Promise<number>, recall: () => Promise<number>, warmup: number): Promise<Samples> {
  const out: Samples = { bare: [], recall: [] };
  for (let k = 0; k < n + warmup; k++) {
    const [b, r] =
      k % 2 === 0
        ? [await bare(), await recall()]
        : await (async () => {
            const r2 = await recall();
            return [await bare(), r2] as const;
          })();
    if (k >= warmup) {
      out.bare.push(b);
      out.recall.push(r);
    }
  }
  return out;
}

export async function leaderboardLatency(recallFake: FakeDiscord, bareFake: FakeDiscord, samples: number, warmup: number): Promise<Samples> {
  const [asker] = addPeople(recallFake, 'board', 1).people;
  const [bareAsker] = addPeople(bareFake, 'board', 1).people;
  if (!asker || !bareAsker) throw new Error('no asker');
  const slash = (fake: FakeDiscord, user: FakeUser) => () => timed(fake, () => fake.slash({ guildId: GUILD, channelId: CHANNEL, user, name: 'leaderboard' }));
  return pairs(samples, slash(bareFake, bareAsker), slash(recallFake, asker), warmup);
}

/**
 * Each press is a different person's first grade of today's post, from the DM their 👀 brought them,
 * as in real use (a repeated press by one person is cheaper: "already recorded").
 */
export async function gradeLatency(recallFake: FakeDiscord, bareFake: FakeDiscord, post: FakeMessage, samples: number, warmup: number): Promise<Samples> {
  const { people } = addPeople(recallFake, 'grader', samples + warmup);
  const before = recallFake.world.created.dm;
  for (const p of people) recallFake.react({ message: post, user: p, emoji: '👀' });
  await recallFake.until(() => recallFake.world.created.dm - before >= people.length, 'the graders\u2019 reveal DMs', 60_000, 20);
  const dms = people.map((p) => recallFake.dms(p.id)[0]).filter((m): m is FakeMessage => m !== undefined);

  // The baseline gets the same payloads: a different person each time, pressing in their own DM, on a
  // message with the same three buttons.
  const bareUsers = addPeople(bareFake, 'grader', samples + warmup).people;
  const bareMessages = bareUsers.map((u, i) => {
    const dm = String(bareFake.world.dmChannel(u.id)['id']);
    return bareFake.world.addMessage(dm, bareFake.bot, { content: dms[i]?.content ?? '', components: dms[i]?.components ?? [] });
  });

  let k = 0;
  let b = 0;
  const recall = () => {
    const person = people[k];
    const dm = dms[k];
    k++;
    if (!person || !dm) throw new Error('ran out of graders');
    const gotIt = gradeId(dm);
    return timed(recallFake, () => recallFake.press({ message: dm, customId: gotIt, user: person }));
  };
  const bare = () => {
    const person = bareUsers[b];
    const message = bareMessages[b];
    b++;
    if (!person || !message) throw new Error('ran out of bare graders');
    return timed(bareFake, () => bareFake.press({ message, customId: gradeId(message), user: person }));
  };
  return pairs(samples, bare, recall, warmup);
}

export function gradeId(dm: FakeMessage): string {
  const rows = dm.components as { components?: { custom_id?: string; label?: string }[] }[];
  const button = rows.flatMap((r) => r.components ?? []).find((b) => b.label === 'Got it');
  if (!button?.custom_id) throw new Error('no Got it button on the DM');
  return button.custom_id;
}

/**
 * The engine alone, called directly (no Discord, no adapter), in the same state as the case it pairs
 * with: how much of Recall's time is the work itself, so the adapter's own share can be read off.
 */
export async function engineLeaderboard(recall: Recall, n: number): Promise<number[]> {
  const user = { platform: 'discord' as const, workspaceId: GUILD, userId: 'engine-alone', name: 'Engine' };
  const out: number[] = [];
  for (let k = 0; k < n; k++) {
    const t = performance.now();
    await recall.engine.runCommand({ user, channel: CHANNEL_REF, isAdmin: false, command: 'leaderboard', options: {} });
    out.push(performance.now() - t);
  }
  return out;
}

/** A fresh person's first grade each time, as in the timed case. */
export async function engineGrade(recall: Recall, postId: string, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let k = 0; k < n; k++) {
    const user = { platform: 'discord' as const, workspaceId: GUILD, userId: `engine-alone-${k}`, name: `Engine ${k}` };
    const t = performance.now();
    await recall.engine.handleAction({ action: `daily:grade:${postId}:got`, user, channel: CHANNEL_REF, isAdmin: false });
    out.push(performance.now() - t);
  }
  return out;
}

const CHANNEL_REF = { platform: 'discord' as const, workspaceId: GUILD, channelId: CHANNEL };
