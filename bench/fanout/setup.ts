import type { RateLimiter } from '../../tests/fakes/discord/rate-limits.js';
import { FakeDiscord, type FakeGuildSpec, type RecordedRequest, snowflake } from '../../tests/fakes/discord/index.js';

export interface FanoutOptions {
  guilds: number;
  /** In all, spread evenly over the guilds. */
  channels: number;
  /** The fake's global limit, and the pace discord.js is told to keep (Discord: 50). */
  globalPerSecond: number;
  store: 'memory' | 'sqlite';
  /** Also time a bare @discordjs/rest client posting the same messages. */
  baseline: boolean;
}

/** What one fan-out did, measured at the fake: request times are its arrival times (performance.now()). */
export interface FanoutResult {
  /** From the trigger to the last message being created at the fake. */
  wallMs: number;
  /** From the trigger to the first create reaching the fake. */
  firstCreateMs: number;
  /** From the trigger until the poster was finished (Recall: the wake's pass, store records included). */
  doneMs: number;
  served429: { global: number; user: number };
  /** Requests the fake received during the fan-out, 429s included. */
  requests: number;
  /** Channels with exactly one, none, and more than one message. */
  exact: number;
  missing: number;
  doubled: number;
  /** Start-to-start of the bursts the global limit cut the creates into. */
  windowPeriodsMs: number[];
  errorsLogged: number;
}

export interface LimitedFake {
  fake: FakeDiscord;
  limiter: RateLimiter;
  channelIds: string[];
  firstGuild: string;
}

/** `channels` text channels over `guilds` guilds, with Discord's limits on from the first request. */
export async function startLimitedFake(options: FanoutOptions): Promise<LimitedFake> {
  const specs: FakeGuildSpec[] = Array.from({ length: options.guilds }, (_, g) => ({ id: snowflake(), name: `Guild ${g}`, channels: [] }));
  const channelIds: string[] = [];
  for (let i = 0; i < options.channels; i++) {
    const id = snowflake();
    specs[i % options.guilds]?.channels.push({ id, name: `study-${i}` });
    channelIds.push(id);
  }
  const fake = await FakeDiscord.start({ guilds: specs });
  // On before the client logs in, so both count the same requests and open their windows together.
  const limiter = fake.rest.limitRate({ globalPerSecond: options.globalPerSecond });
  return { fake, limiter, channelIds, firstGuild: specs[0]?.id ?? '' };
}

/**
 * The least time the fake's limits allow between the first create and the last: the global limit opens
 * a window of `perSecond` requests at the first request after the last window closed, so `n` creates
 * need ceil(n / perSecond) windows and the last window can open (ceil(n / perSecond) - 1) s after the
 * first. The per-channel bucket (5 per 5 s) never binds one message per channel.
 */
export function floorMs(n: number, perSecond: number): number {
  return (Math.ceil(n / perSecond) - 1) * 1_000;
}

const isCreate = (r: RecordedRequest): boolean => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path);

/** Reads a fan-out back from the fake: timings of the creates since `t0`, 429s since `before`, messages per channel. */
export function measure(limited: LimitedFake, fromRequest: number, t0: number, doneAt: number, before: { global: number; user: number }, errorsLogged: number): FanoutResult {
  const { fake, limiter, channelIds } = limited;
  const requests = fake.requests.slice(fromRequest);
  const created = requests.filter((r) => isCreate(r) && r.status === 200).map((r) => r.at);
  const counts = channelIds.map((id) => fake.messages(id).length);
  return {
    wallMs: Math.max(...created) - t0,
    firstCreateMs: Math.min(...created) - t0,
    doneMs: doneAt - t0,
    served429: { global: limiter.served429.global - before.global, user: limiter.served429.user - before.user },
    requests: requests.length,
    exact: counts.filter((c) => c === 1).length,
    missing: counts.filter((c) => c === 0).length,
    doubled: counts.filter((c) => c > 1).length,
    windowPeriodsMs: burstPeriods(created.sort((a, b) => a - b)),
    errorsLogged,
  };
}

/** A pause of this long between two creates means the client was waiting for the next global window. */
const BURST_GAP_MS = 300;

function burstPeriods(times: readonly number[]): number[] {
  const starts = times.filter((t, i) => i === 0 || t - (times[i - 1] ?? t) > BURST_GAP_MS);
  return starts.slice(1).map((t, i) => t - (starts[i] ?? t));
}
