import { describeRevealMode, describeScope } from '../../../core/daily/index.js';
import { channelKey } from '../../../core/refs.js';
import type { Route } from '../http/router.js';
import type { ApiDeps } from './deps.js';

/** Every channel with a daily schedule, on any platform: its next posts in its own local time. */
export function scheduleRoutes(deps: ApiDeps): Route[] {
  const { daily } = deps.engine.services;
  return [
    {
      method: 'GET',
      path: '/api/schedules',
      async handler() {
        const channels = await daily.listChannels();
        const rows = await Promise.all(
          channels.map(async (settings) => {
            const status = await daily.status(settings.channel);
            const { channel } = settings;
            return {
              id: channelKey(channel),
              platform: channel.platform,
              workspaceId: channel.workspaceId,
              channelId: channel.channelId,
              enabled: settings.enabled,
              schedule: status.schedule,
              timezone: settings.schedule.timezone,
              nextRuns: status.nextRuns,
              reveal: describeRevealMode(settings.reveal, status.revealReaction),
              scope: describeScope(settings.scope),
              discussion: settings.discussion,
              lastPost: status.lastPost ? { seq: status.lastPost.dailySeq, postedLocal: status.lastPost.postedLocal } : null,
              problems: status.problems.slice(0, 3).map((p) => ({ kind: p.kind, at: p.at, message: p.message })),
            };
          }),
        );
        return { json: { channels: rows.sort((a, b) => a.id.localeCompare(b.id)) } };
      },
    },
  ];
}
