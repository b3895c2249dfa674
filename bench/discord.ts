import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { reactionBurst } from './discord/burst.js';
import { type Samples, engineGrade, engineLeaderboard, gradeLatency, leaderboardLatency } from './discord/latency.js';
import { CHANNEL, GUILD, addPeople, startBare, startFake, startRecall } from './discord/setup.js';
import { ms, percentile, ratio } from './discord/stats.js';

/**
 * The Discord adapter against a local fake Discord, in one process: how long from a dispatched
 * INTERACTION_CREATE to the interaction callback arriving at the fake REST, for `/leaderboard` and a
 * grade button, as a ratio to a bare discord.js client that answers "ok" to the same dispatch (goal:
 * at most 1.3x at the median); then a burst of 1,000 reveal reactions on one post and their grades.
 * Printed, never asserted: shared machines are noisy.
 *
 * Flags: --samples N (timed interactions per case, default 400), --burst N (default 1000),
 * --store memory|sqlite (default memory).
 */

const GOAL = 1.3;
const WARMUP = 50;
/** Discord's global limit per bot; discord.js paces every client to it. */
const DISCORD_GLOBAL_PER_SECOND = 50;

interface Options {
  samples: number;
  burst: number;
  store: 'memory' | 'sqlite';
}

export async function run(args: readonly string[] = []): Promise<void> {
  const options = parseOptions(args);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'recall-bench-discord-'));
  const storeUrl = options.store === 'memory' ? 'memory://' : path.join(dir, 'recall.sqlite');
  const recallFake = await startFake();
  const bareFake = await startFake();
  const recall = await startRecall(recallFake, storeUrl);
  const bare = await startBare(bareFake);
  try {
    console.log(`Recall Discord benchmark: discord.js 14 against a local fake, ${options.store} store, node ${process.version}, ${os.cpus().length} CPUs`);
    console.log(`Latency: dispatch of INTERACTION_CREATE → callback at the fake REST; ${options.samples} samples per case after ${WARMUP} warm-up, bare and Recall alternating.\n`);

    const { admin } = addPeople(recallFake, 'bench', 0);
    const posted = recallFake.slash({ guildId: GUILD, channelId: CHANNEL, user: admin, name: 'daily', subcommand: 'now' });
    await recallFake.answered(posted);
    const post = recallFake.messages(CHANNEL)[0];
    if (!post) throw new Error('the daily post did not arrive');

    report('/leaderboard', await leaderboardLatency(recallFake, bareFake, options.samples, WARMUP), await engineLeaderboard(recall, options.samples));
    report(
      'grade button (Got it, from the reveal DM)',
      await gradeLatency(recallFake, bareFake, post, options.samples, WARMUP),
      await engineGrade(recall, postIdOf(post), options.samples),
    );

    const b = await reactionBurst(recallFake, recall, post, options.burst);
    console.log(`\nburst: ${b.people} people react 👀 on one post at once`);
    console.log(`  all revealed in ${ms(b.revealMs)}: ${b.revealedOnce}/${b.people} got exactly one DM with the answer and grade buttons`);
    console.log(`  all presses acknowledged in ${ms(b.ackMs)}${b.deferred > 0 ? ` (${b.deferred} deferred, then edited)` : ''}, all answered in ${ms(b.gradeMs)}`);
    console.log(
      `  ${b.gradedOk}/${b.people} answered "Got it"; ${b.duplicatesDropped}/${b.duplicates} duplicate deliveries answered once; ${b.exactPoints}/${b.people} with exactly 3 points`,
    );
    // Interaction callbacks are exempt from the global limit; DM channels, DMs and deferral edits are not.
    const paced = b.restRequests - b.people;
    console.log(
      `  ${b.restRequests} REST requests; at Discord's ${DISCORD_GLOBAL_PER_SECOND}/s global limit (lifted here) the ${paced} that count against it would take about ${Math.round(paced / DISCORD_GLOBAL_PER_SECOND)} s`,
    );
    const correct = b.revealedOnce === b.people && b.gradedOk === b.people && b.exactPoints === b.people && b.duplicatesDropped === b.duplicates;
    console.log(`  correctness: ${correct ? 'exact' : 'NOT EXACT'}`);
  } finally {
    await bare.stop();
    await recall.stop();
    await recallFake.close();
    await bareFake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(name: string, s: Samples, engine: number[]): void {
  const [bMed, rMed, bP99, rP99, eMed] = [percentile(s.bare, 50), percentile(s.recall, 50), percentile(s.bare, 99), percentile(s.recall, 99), percentile(engine, 50)];
  console.log(`${name}`);
  console.log(`  bare discord.js: median ${ms(bMed)}, p99 ${ms(bP99)}`);
  console.log(`  Recall:          median ${ms(rMed)}, p99 ${ms(rP99)}`);
  const medianRatio = rMed / bMed;
  console.log(`  ratio: median ${ratio(medianRatio)} (goal ≤ ${GOAL}x: ${medianRatio <= GOAL ? 'met' : 'missed'}), p99 ${ratio(rP99 / bP99)}`);
  // Called in a tight loop the engine runs hot; between Discord events it runs colder, so the remainder is
  // an upper bound on the adapter's share rather than a measurement of it.
  console.log(
    `  of the ${ms(rMed - bMed)} over bare at the median, the engine called directly takes ${ms(eMed)}; the adapter's share is at most ${ms(Math.max(0, rMed - bMed - eMed))}`,
  );
}

/** The post id is in the Reveal button's action: `daily:reveal:<postId>`. */
function postIdOf(post: { components: unknown[] }): string {
  const rows = post.components as { components?: { custom_id?: string }[] }[];
  const reveal = rows.flatMap((r) => r.components ?? []).find((b) => b.custom_id?.startsWith('daily:reveal:'));
  const id = reveal?.custom_id?.split(':')[2];
  if (!id) throw new Error('the daily post has no Reveal button');
  return id;
}

function parseOptions(args: readonly string[]): Options {
  const options: Options = { samples: 400, burst: 1000, store: 'memory' };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    const value = args[i + 1];
    if (flag === '--samples' || flag === '--burst') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a whole number, not ${value ?? 'nothing'}`);
      options[flag === '--samples' ? 'samples' : 'burst'] = n;
      i++;
    } else if (flag === '--store') {
      if (value !== 'memory' && value !== 'sqlite') throw new Error(`--store is memory or sqlite, not ${value ?? 'nothing'}`);
      options.store = value;
      i++;
    } else {
      throw new Error(`unknown flag ${flag ?? ''}; flags: --samples N, --burst N, --store memory|sqlite`);
    }
  }
  return options;
}
