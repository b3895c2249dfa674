import { calendarDay } from '../dates.js';
import { type DatedBlock, type ReplyBlock, dated } from '../reply.js';
import type { ArchivedSeason, BoardKind, BoardPeriod, Leaderboard, LeaderboardRow, StandingRow, UserStats } from './types.js';

/** Names come from people and adapters: shown as typed, never as formatting. */
export function md(text: string): string {
  return text.replace(/([\\`*_~|>[\]()#])/g, '\\$1');
}

export function points(n: number): string {
  const shown = Number.isInteger(n) ? String(n) : n.toFixed(1);
  return `${shown} ${n === 1 ? 'point' : 'points'}`;
}

export function percent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

const IN_PERIOD: Record<BoardPeriod, string> = { week: 'this week', month: 'this month', season: 'this season', all: 'yet' };

/** One row: `1. **Alice** · 12 points`; team rows add size and points per member. */
export function rowLine(row: LeaderboardRow | StandingRow): string {
  const base = `${row.rank}. **${md(row.name)}** · ${points(row.points)}`;
  if (!('members' in row) || row.members === undefined) return base;
  const size = `${row.members} ${row.members === 1 ? 'member' : 'members'}`;
  return row.average === undefined ? `${base} · ${size}` : `${base} · ${size} · ${row.average.toFixed(1)} per member`;
}

export function leaderboardMarkdown(board: Leaderboard, kind: BoardKind, period: BoardPeriod, ownTeamName: string | null): string {
  const title = `**${kind === 'people' ? 'People' : 'Teams'} · ${board.periodLabel}**`;
  const rows = board.rows.length > 0 ? board.rows.map(rowLine) : [`Nobody has points ${IN_PERIOD[period]}. Grade a daily question to get on the board.`];
  return [title, ...rows, '', ownLine(board, kind, period, ownTeamName)].join('\n').trimEnd();
}

function ownLine(board: Leaderboard, kind: BoardKind, period: BoardPeriod, ownTeamName: string | null): string {
  if (board.own === undefined) return '';
  if (kind === 'people') {
    return board.own ? `You: #${board.own.rank} with ${points(board.own.points)}` : `You have no points ${IN_PERIOD[period]}.`;
  }
  if (ownTeamName === null) return 'You are not in a team: `team list` shows them, `team join <name>` joins one.';
  const team = `Your team **${md(ownTeamName)}**`;
  return board.own ? `${team}: #${board.own.rank} with ${points(board.own.points)}` : `${team} has no points ${IN_PERIOD[period]}.`;
}

/**
 * A season's final standings: its name and span (dates each platform writes for its reader), then the rows.
 * `timezone`: the workspace's, so the dates are the days people lived them (see core/dates.ts).
 */
export function standingsBlocks(archived: ArchivedSeason, limit: number, timezone: string): ReplyBlock[] {
  const { season } = archived;
  const lines = archived.people.length > 0 ? archived.people.slice(0, limit).map(rowLine) : ['Nobody scored in this season.'];
  if (archived.teams.length > 0) lines.push('', '**Teams**', ...archived.teams.slice(0, limit).map(rowLine));
  return [seasonLine(`**Season ${md(season.name)}**`, season, timezone), { type: 'text', markdown: lines.join('\n') }];
}

/** `<head> · 3 Dec 2026 to 17 Dec 2026`: an ended season's span, the dates as data. */
export function seasonLine(head: string, season: { startedAt: string; endedAt: string }, timezone: string): DatedBlock {
  return dated`${head} · ${calendarDay(season.startedAt, timezone)} to ${calendarDay(season.endedAt, timezone)}`;
}

export function statsFields(stats: UserStats): { label: string; value: string }[] {
  const category = (c: UserStats['strongest']): string => (c ? `${md(c.category)} (${percent(c.rate)} of ${c.graded})` : 'not enough grades yet');
  return [
    {
      label: 'Graded',
      value: `${stats.graded} (${stats.got} got it, ${stats.partly} partly, ${stats.missed} missed${stats.discussed > 0 ? `, ${stats.discussed} discussed` : ''})`,
    },
    { label: 'Got it', value: stats.gotRate === null ? '–' : percent(stats.gotRate) },
    { label: 'Streak', value: `${stats.currentStreak} now, best ${stats.bestStreak}` },
    { label: 'Strongest', value: category(stats.strongest) },
    { label: 'Weakest', value: category(stats.weakest) },
    { label: 'Late', value: `${stats.late} (counted here, no points)` },
  ];
}
