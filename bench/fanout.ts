import os from 'node:os';
import { bareFanout } from './fanout/bare.js';
import { recallFanout } from './fanout/recall.js';
import { type FanoutOptions, type FanoutResult, floorMs } from './fanout/setup.js';
import { percentile, ratio } from './discord/stats.js';

/**
 * `npm run bench -- fanout`: one process posts the daily question to 2,000 channels in 50 guilds against
 * the fake Discord with Discord's rate limits on (50 requests/s per bot, 5 creates per 5 s per channel),
 * through the real engine and discord.js adapter. Reported: the time from the slot's wake until the last
 * message exists, as a ratio to the floor those limits allow (goal: at most 1.2x); the 429s the fake
 * served, by scope; and whether every channel got exactly one message. A bare @discordjs/rest client
 * posting the same creates runs first, handed all of them at once and then 60 at a time, to show how
 * much of the gap is discord.js's own pacing and how much the shape of the work handed to it.
 *
 * Sized by the environment (quick runs: FANOUT_CHANNELS=200 FANOUT_GUILDS=5):
 *   FANOUT_CHANNELS  text channels in all (default 2000), spread evenly over
 *   FANOUT_GUILDS    guilds (default 50)
 *   FANOUT_GLOBAL    the global limit per second, for the fake and for discord.js (default 50)
 *   FANOUT_STORE     memory | sqlite (default memory)
 *   FANOUT_BASELINE  0 skips the bare discord.js runs (default 1)
 */

const GOAL = 1.2;
/** A little over one global window's worth: enough to keep discord.js's queue full, no more. */
const BARE_IN_FLIGHT = 60;

export async function run(args: readonly string[] = []): Promise<void> {
  if (args.length > 0) throw new Error(`fanout takes no flags (got ${args.join(' ')}); size it with FANOUT_CHANNELS, FANOUT_GUILDS, FANOUT_GLOBAL, FANOUT_STORE, FANOUT_BASELINE`);
  const options = readOptions(process.env);
  const floor = floorMs(options.channels, options.globalPerSecond);
  const windows = Math.ceil(options.channels / options.globalPerSecond);
  console.log(
    `Recall fan-out benchmark: ${options.channels} channels in ${options.guilds} guilds, fake Discord limiting ${options.globalPerSecond} requests/s per bot and 5 creates per 5 s per channel, ${options.store} store, node ${process.version}, ${os.cpus().length} CPUs`,
  );
  console.log(
    `floor: ${options.channels} creates need ${windows} global windows of ${options.globalPerSecond}; the last opens ${(floor / 1000).toFixed(1)} s after the first (${options.channels} / ${options.globalPerSecond} per s = ${(options.channels / options.globalPerSecond).toFixed(1)} s, less the last window's second)\n`,
  );

  const rows: [string, FanoutResult][] = [];
  if (options.baseline) {
    console.log('  bare @discordjs/rest, every create at once: posting…');
    rows.push(['bare @discordjs/rest, every create at once', await bareFanout(options)]);
    console.log(`  bare @discordjs/rest, ${BARE_IN_FLIGHT} in flight: posting…`);
    rows.push([`bare @discordjs/rest, ${BARE_IN_FLIGHT} in flight`, await bareFanout(options, BARE_IN_FLIGHT)]);
  }
  rows.push(['Recall', await recallFanout(options, (line) => console.log(line))]);

  console.log('');
  for (const [name, r] of rows) report(name, r, floor, options.channels);
}

function report(name: string, r: FanoutResult, floor: number, channels: number): void {
  const ratioToFloor = r.wallMs / floor;
  const goal = name === 'Recall' ? ` (goal ≤ ${GOAL}x: ${ratioToFloor <= GOAL ? 'met' : 'missed'})` : '';
  console.log(`${name}`);
  console.log(`  all ${channels} messages created ${seconds(r.wallMs)} after the trigger: ${ratio(ratioToFloor)} the floor${goal}`);
  console.log(`  first create after ${r.firstCreateMs.toFixed(1)} ms; poster finished after ${seconds(r.doneMs)}`);
  if (r.windowPeriodsMs.length > 0) {
    console.log(
      `  global windows: ${r.windowPeriodsMs.length + 1} bursts, start to start median ${percentile(r.windowPeriodsMs, 50).toFixed(0)} ms, max ${Math.max(...r.windowPeriodsMs).toFixed(0)} ms`,
    );
  }
  console.log(`  429s served: ${r.served429.global} global, ${r.served429.user} per-route; ${r.requests} requests reached the fake`);
  const exact = r.exact === channels && r.missing === 0 && r.doubled === 0;
  console.log(
    `  messages per channel: ${r.exact} with exactly 1, ${r.missing} with none, ${r.doubled} with more (${exact ? 'exact' : 'NOT EXACT'})${r.errorsLogged > 0 ? `; ${r.errorsLogged} errors logged` : ''}`,
  );
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

function readOptions(env: NodeJS.ProcessEnv): FanoutOptions {
  const store = env['FANOUT_STORE'] ?? 'memory';
  if (store !== 'memory' && store !== 'sqlite') throw new Error(`FANOUT_STORE is memory or sqlite, not ${store}`);
  const options: FanoutOptions = {
    channels: whole(env, 'FANOUT_CHANNELS', 2_000),
    guilds: whole(env, 'FANOUT_GUILDS', 50),
    globalPerSecond: whole(env, 'FANOUT_GLOBAL', 50),
    store,
    baseline: env['FANOUT_BASELINE'] !== '0',
  };
  if (options.guilds > options.channels) throw new Error(`FANOUT_GUILDS (${options.guilds}) is more than FANOUT_CHANNELS (${options.channels})`);
  if (options.channels <= options.globalPerSecond)
    throw new Error(`FANOUT_CHANNELS must be more than FANOUT_GLOBAL (${options.globalPerSecond}), or the limits never bind and there is no floor to compare with`);
  return options;
}

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} needs a whole number above 0, not ${raw}`);
  return n;
}
