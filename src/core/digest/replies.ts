import { calendarDay } from '../dates.js';
import type { PlatformCapabilities } from '../platform.js';
import type { Reply, ReplyBlock } from '../reply.js';
import { dated } from '../reply.js';
import { md, points } from '../scoring/replies.js';
import type { ArchivedSeason } from '../scoring/types.js';
import { answerAction } from './action-ids.js';
import type { DigestContent, DigestRow, Movement } from './types.js';

/** `▲2`, `▼1`, `=`, `new`: places since the week before. */
export function movementMark(movement: Movement): string {
  if (movement.kind === 'new') return 'new';
  if (movement.by > 0) return `▲${movement.by}`;
  if (movement.by < 0) return `▼${-movement.by}`;
  return '=';
}

const rowLine = (row: DigestRow): string => `${row.rank}. **${md(row.name)}** · ${points(row.points)} · ${movementMark(row.movement)}`;

/**
 * The weekly digest as one post. `image`, when given, is the people board rendered (see service.ts). The
 * most-missed answer goes behind a spoiler where the platform hides one, else behind a button.
 */
export function digestReply(content: DigestContent, postId: string, can: PlatformCapabilities, image?: ReplyBlock): Reply {
  const blocks: ReplyBlock[] = [{ type: 'text', markdown: `**Weekly digest · ${content.weekLabel}**` }];
  if (image) blocks.push(image);
  const { people, teams, streaks, participation, mostMissed, practice } = content;
  blocks.push({
    type: 'text',
    markdown: people.length > 0 ? ['**Top people**', ...people.map(rowLine)].join('\n') : 'Nobody graded a question this week. A new week, a new board.',
  });
  if (teams.length > 0) blocks.push({ type: 'text', markdown: ['**Top teams**', ...teams.map(rowLine)].join('\n') });
  if (streaks.length > 0) {
    blocks.push({ type: 'text', markdown: `**Longest streaks:** ${streaks.map((s) => `${md(s.name)} ${s.streak}`).join(' · ')}` });
  }
  blocks.push({ type: 'context', markdown: participationLine(participation) });
  if (mostMissed) {
    blocks.push({ type: 'text', markdown: `**Most missed** (${mostMissed.missed} of ${mostMissed.graded} missed it): ${mostMissed.question}` });
    if (can.spoilers) blocks.push({ type: 'text', markdown: `Answer: ${mostMissed.answer}`, spoiler: true });
    else blocks.push({ type: 'buttons', buttons: [{ action: answerAction(postId), label: 'Show the answer', style: 'secondary' }] });
  }
  if (practice) {
    blocks.push({
      type: 'context',
      markdown: `Practice: ${practice.people} ${practice.people === 1 ? 'person holds' : 'people hold'} ${practice.cards} cards · ${practice.reviews30} reviews in 30 days · ${practice.onStreak} on a practice streak`,
    });
  }
  return { blocks };
}

function participationLine({ thisWeek, weekBefore }: DigestContent['participation']): string {
  const who = `${thisWeek} ${thisWeek === 1 ? 'person' : 'people'} graded at least once`;
  const diff = thisWeek - weekBefore;
  const change = diff > 0 ? `▲${diff}` : diff < 0 ? `▼${-diff}` : '=';
  return `Participation: ${who} (${change} against ${weekBefore} the week before)`;
}

/** A season's final standings, posted in every digest channel of the workspace when it ends. */
export function seasonEndReply(archived: ArchivedSeason, shown: number, timezone: string, image?: ReplyBlock): Reply {
  const blocks: ReplyBlock[] = [{ type: 'text', markdown: `**Season ${md(archived.season.name)} has ended · final standings**` }];
  if (image) blocks.push(image);
  const line = (r: { rank: number; name: string; points: number }): string => `${r.rank}. **${md(r.name)}** · ${points(r.points)}`;
  blocks.push({
    type: 'text',
    markdown: archived.people.length > 0 ? ['**People**', ...archived.people.slice(0, shown).map(line)].join('\n') : 'Nobody scored this season.',
  });
  if (archived.teams.length > 0) blocks.push({ type: 'text', markdown: ['**Teams**', ...archived.teams.slice(0, shown).map(line)].join('\n') });
  const { season } = archived;
  blocks.push({ ...dated`${calendarDay(season.startedAt, timezone)} to ${calendarDay(season.endedAt, timezone)} · \`season archive ${season.name}\` shows it again`, small: true });
  return { blocks };
}
