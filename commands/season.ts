import { calendarDay } from '../src/core/dates.js';
import type { Command } from '../src/core/commands/types.js';
import { UserError } from '../src/core/errors.js';
import { workspaceOf } from '../src/core/refs.js';
import { type Reply, dated, joinDated, textReply } from '../src/core/reply.js';
import { md, seasonLine, standingsBlocks } from '../src/core/scoring/index.js';

const SHOWN_ROWS = 10;

/** Starting and ending a season is news for the channel; status and the archive answer privately. */
export default {
  name: 'season',
  description: 'Seasons: a leaderboard that starts from zero and is archived when it ends',
  permission: 'everyone',
  subcommands: [
    {
      name: 'start',
      description: 'Start a season (admins)',
      permission: 'admin',
      options: [{ name: 'name', description: 'what to call it, e.g. Winter 2026', type: 'string', required: true, rest: true }],
    },
    { name: 'end', description: 'End the season and archive its final standings (admins)', permission: 'admin' },
    { name: 'status', description: 'Which season is running' },
    {
      name: 'archive',
      description: 'Past seasons, or one season’s final standings',
      options: [{ name: 'name', description: 'a past season', type: 'string', rest: true }],
    },
  ],
  async run(ctx): Promise<Reply> {
    const scoring = ctx.services.scoring;
    const ws = workspaceOf(ctx.channel);
    switch (ctx.subcommand) {
      case 'start': {
        const season = await scoring.startSeason(ws, ctx.options.required.string('name'), ctx.now);
        return textReply(`Season **${md(season.name)}** has started: everyone is back at zero on the season board. \`leaderboard people season\` shows it.`);
      }
      case 'end': {
        const archived = await scoring.endSeason(ws, ctx.now);
        const standings = standingsBlocks(archived, SHOWN_ROWS, await scoring.timezoneOf(ws));
        return { blocks: [{ type: 'text', markdown: `Season **${md(archived.season.name)}** has ended. Final standings:` }, ...standings] };
      }
      case 'status': {
        const season = await scoring.currentSeason(ws);
        if (season) return { blocks: [dated`Season **${md(season.name)}** is running since ${calendarDay(season.startedAt, await scoring.timezoneOf(ws))}.`], ephemeral: true };
        return textReply('No season is running. An admin can start one with `season start <name>`.', { ephemeral: true });
      }
      case 'archive': {
        const name = ctx.options.string('name');
        const zone = await scoring.timezoneOf(ws);
        if (name !== undefined) return { blocks: standingsBlocks(await scoring.archivedStandings(ws, name), SHOWN_ROWS, zone), ephemeral: true };
        const past = await scoring.seasonArchive(ws);
        if (past.length === 0) return textReply('No season has ended yet.', { ephemeral: true });
        const list = joinDated([dated`**Past seasons**`, ...past.map((s) => seasonLine(`• **${md(s.name)}**`, s, zone))]);
        return { blocks: [list, { type: 'text', markdown: '`season archive <name>` shows one season’s final standings.' }], ephemeral: true };
      }
      default:
        throw new UserError('bad-input', 'Use `season start`, `season end`, `season status` or `season archive`.');
    }
  },
} satisfies Command;
