import { describeSchedule, nextRun } from '../../scheduler/index.js';
import type { ActionInvocation } from '../actions.js';
import { formatLocal, makePostId } from '../daily/format.js';
import { UserError } from '../errors.js';
import { isPlatformRefusal } from '../platform.js';
import { type ChannelRef, type WorkspaceRef, channelKey, workspaceOf } from '../refs.js';
import { type Reply, textReply } from '../reply.js';
import type { ArchivedSeason } from '../scoring/types.js';
import { createChannelSchedules } from '../slots/channel-schedules.js';
import { parseDigestAction } from './action-ids.js';
import { digestContent } from './content.js';
import { boardImage } from './image.js';
import { seasonEndKey } from './keys.js';
import { publishDigest } from './publish.js';
import { seasonEndReply } from './replies.js';
import type { DigestContext, DigestDeps, DigestService } from './service.js';
import { digestSchedule } from './settings.js';
import { digestSettingsStore } from './schedules.js';
import { createDigestSlots } from './slots.js';
import { addDigestProblem, digestChannelsOf, lastDigestPost, loadDigestPost, loadDigestSettings, readDigestProblems } from './store.js';
import type { DigestSettings } from './types.js';

/** How many rows of a season's final standings the post shows. */
const SEASON_ROWS = 10;

/**
 * Wires the weekly digest: the shared channel schedules (slots/channel-schedules.ts: one runner for
 * every channel with a digest, kept in step with the store on every wake), posting through the shared
 * slot claims.
 */
export function createDigestService(deps: DigestDeps): DigestService {
  const { world, config } = deps;
  const ctx: DigestContext = { world, config, bank: deps.bank, platform: deps.platform, scoring: deps.scoring, practice: deps.practice, images: deps.images, pictures: new Map() };
  const schedules = createChannelSchedules({
    what: 'weekly digest',
    world,
    config,
    wakeTimer: deps.wakeTimer,
    ownsChannel: deps.ownsChannel,
    settings: digestSettingsStore(world.store),
    slots: createDigestSlots(ctx),
  });

  async function zoneOf(channel: ChannelRef): Promise<string> {
    const settings = await loadDigestSettings(world.store, channel);
    return settings?.schedule.timezone ?? (await deps.scoring.timezoneOf(workspaceOf(channel)));
  }

  async function postSeasonEnd(settings: DigestSettings, archived: ArchivedSeason): Promise<void> {
    const { channel } = settings;
    // Set before posting: a season ends once, and a second post of its standings would be worse than none.
    if (!(await world.store.setIfAbsent(seasonEndKey(channel, archived.season.id), { at: world.clock.now().toISOString() }))) return;
    const postId = makePostId(channelKey(channel), 'season-end', archived.season.id);
    try {
      const rows = archived.people.slice(0, SEASON_ROWS);
      const image = await boardImage(ctx, channel, `Season ${archived.season.name} · final standings`, rows, `season-${archived.season.id}.png`);
      await deps.platform.post(channel, seasonEndReply(archived, SEASON_ROWS, settings.schedule.timezone, image), { idempotencyKey: postId });
      world.logger.info({ channel, season: archived.season.id }, 'season standings posted in the digest channel');
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      world.logger.error({ err, channel, season: archived.season.id }, 'could not post the season standings in a digest channel');
      await addDigestProblem(world.store, channel, {
        kind: 'post-failed',
        slotKey: null,
        at: world.clock.now().toISOString(),
        message: `The final standings of season ${archived.season.name} were not posted: ${reason}`,
      });
    }
  }

  return {
    async configure(channel, input, by) {
      const current = await loadDigestSettings(world.store, channel);
      const zone = input.timezone ?? current?.schedule.timezone ?? (await deps.scoring.timezoneOf(workspaceOf(channel)).catch(() => config.defaultTimezone));
      const schedule = digestSchedule(input, zone);
      const now = world.clock.now();
      const settings: DigestSettings = { channel, schedule, setBy: by, setAt: now.toISOString(), enabled: true };
      await schedules.enable(settings, now, by);
      return settings;
    },

    disable: (channel) => schedules.disable(channel),

    async postNow(channel, by) {
      const now = world.clock.now();
      const postId = makePostId(channelKey(channel), 'digest-now', now.toISOString(), String(world.random.next()));
      try {
        return await publishDigest(ctx, channel, await zoneOf(channel), now, postId, null);
      } catch (err) {
        if (err instanceof UserError) throw err;
        world.logger.error({ err, channel, by: by.userId, postId }, 'manual digest post failed');
        const hint = isPlatformRefusal(err) ? '' : ' It has been logged.';
        throw new UserError('conflict', `I could not post the digest here: ${err instanceof Error ? err.message : String(err)}.${hint}`);
      }
    },

    async status(channel) {
      const { store, clock } = world;
      const [settings, last, problems] = await Promise.all([loadDigestSettings(store, channel), lastDigestPost(store, channel), readDigestProblems(store, channel)]);
      const zone = settings?.schedule.timezone ?? config.defaultTimezone;
      return {
        settings: settings ?? null,
        schedule: settings ? describeSchedule(settings.schedule) : null,
        nextRun: settings?.enabled ? formatLocal(nextRun(settings.schedule, clock.now()), zone) : null,
        lastPost: last ? { ...last, postedLocal: formatLocal(new Date(last.postedAt), zone) } : null,
        problems,
      };
    },

    content: async (channel, at) => digestContent(ctx, channel, at, await zoneOf(channel)),

    async seasonEnded(ws: WorkspaceRef, archived: ArchivedSeason) {
      try {
        const targets = await digestChannelsOf(world.store, ws);
        await Promise.all(targets.map((settings) => postSeasonEnd(settings, archived)));
      } catch (err) {
        world.logger.error({ err, workspace: ws, season: archived.season.id }, 'could not post the season standings in the digest channels');
      }
    },

    async handleAction(inv: ActionInvocation): Promise<Reply> {
      const parsed = parseDigestAction(inv.action);
      if (!parsed) throw new UserError('not-found', 'That button belongs to something that no longer exists.');
      const post = await loadDigestPost(world.store, workspaceOf(inv.channel), parsed.postId);
      const question = post?.questionId ? deps.bank.get(post.questionId) : undefined;
      if (!question?.answer) throw new UserError('not-found', 'That question is no longer in the bank, so its answer cannot be shown.');
      return textReply(`**Answer:** ${question.answer}`, { ephemeral: true });
    },

    start: () => schedules.start(),
    stop: () => schedules.stop(),
  };
}
