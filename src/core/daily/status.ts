import { describeSchedule, nextRun } from '../../scheduler/index.js';
import type { ChannelRef } from '../refs.js';
import { formatLocal } from './format.js';
import type { DailyContext } from './service.js';
import { latestPost, loadSettings, readProblems } from './store.js';
import type { DailyStatus } from './types.js';

const NEXT_RUNS = 3;

/** Settings, the next runs in the channel's own time, the last post and recent problems. */
export async function channelStatus(ctx: DailyContext, channel: ChannelRef): Promise<DailyStatus> {
  const { store, clock } = ctx.world;
  const [settings, last, problems] = await Promise.all([loadSettings(store, channel), latestPost(store, channel), readProblems(store, channel)]);
  const timezone = settings?.schedule.timezone ?? ctx.config.defaultTimezone;
  const nextRuns: string[] = [];
  if (settings?.enabled) {
    let after = clock.now();
    for (let i = 0; i < NEXT_RUNS; i++) {
      after = nextRun(settings.schedule, after);
      nextRuns.push(formatLocal(after, timezone));
    }
  }
  return {
    settings: settings ?? null,
    schedule: settings ? describeSchedule(settings.schedule) : null,
    nextRuns,
    lastPost: last ? { ...last, postedLocal: formatLocal(new Date(last.postedAt), timezone) } : null,
    problems,
    revealReaction: ctx.config.revealReactions[0] ?? 'eyes',
  };
}
