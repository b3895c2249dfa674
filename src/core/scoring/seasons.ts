import { formatDate } from '../dates.js';
import { UserError } from '../errors.js';
import { timezoneOf } from './settings.js';
import { type WorkspaceRef, workspaceOf } from '../refs.js';
import type { ScoringDeps } from './service.js';
import { boardName, scoringKeys } from './keys.js';
import { cleanName, sameName } from './names.js';
import type { SeasonRecord } from './store.js';
import { rankedTeams, topPeople } from './standings.js';
import type { ArchivedSeason, SeasonInfo, SeasonSummary } from './types.js';

/** How many people and teams an ended season keeps in its archive. */
export const ARCHIVED_ROWS = 50;

export async function currentSeason(deps: ScoringDeps, ws: WorkspaceRef): Promise<SeasonInfo | null> {
  return (await deps.world.store.get<SeasonRecord>(scoringKeys.currentSeason(workspaceOf(ws)))) ?? null;
}

export async function seasonArchive(deps: ScoringDeps, ws: WorkspaceRef): Promise<SeasonSummary[]> {
  return (await deps.world.store.get<SeasonSummary[]>(scoringKeys.seasonArchive(workspaceOf(ws)))) ?? [];
}

export async function startSeason(deps: ScoringDeps, wsRef: WorkspaceRef, input: string, at: Date): Promise<SeasonInfo> {
  const ws = workspaceOf(wsRef);
  const name = cleanName(input, 'season');
  const past = await seasonArchive(deps, ws);
  const reused = past.find((s) => sameName(s.name, name));
  if (reused) throw new UserError('conflict', `There was already a season called \`${reused.name}\`, and its standings are archived under that name. Pick another name.`);
  // The time plus a random tail: a season started in the same millisecond another ended must not share its boards.
  const tail = Math.floor(deps.world.random.next() * 36 ** 4)
    .toString(36)
    .padStart(4, '0');
  const season: SeasonRecord = { id: `${at.getTime().toString(36)}-${tail}`, name, startedAt: at.toISOString() };
  if (await deps.world.store.setIfAbsent(scoringKeys.currentSeason(ws), season)) return season;
  const running = await currentSeason(deps, ws);
  throw new UserError(
    'conflict',
    `Season \`${running?.name ?? '?'}\` is still running (since ${running ? formatDate(running.startedAt, await timezoneOf(deps, ws)) : 'a while'}). End it with \`season end\` before starting another.`,
  );
}

/**
 * The running season is deleted first, so exactly one caller archives it and new grades stop going
 * to it before its standings are read. A crash between the delete and the archive write loses the
 * archive entry (the season boards themselves stay in the store).
 */
export async function endSeason(deps: ScoringDeps, wsRef: WorkspaceRef, at: Date): Promise<ArchivedSeason> {
  const ws = workspaceOf(wsRef);
  const { store } = deps.world;
  const season = await currentSeason(deps, ws);
  if (!season || !(await store.delete(scoringKeys.currentSeason(ws)))) {
    throw new UserError('not-found', 'No season is running. An admin can start one with `season start <name>`.');
  }
  const slot = { period: 'season' as const, id: season.id };
  const [people, teams] = await Promise.all([topPeople(deps, ws, boardName(ws, 'people', slot), ARCHIVED_ROWS), rankedTeams(deps, ws, boardName(ws, 'teams', slot))]);
  const archived: ArchivedSeason = {
    season: { ...season, endedAt: at.toISOString() },
    people,
    teams: teams.slice(0, ARCHIVED_ROWS).map(({ rank, id, name, points }) => ({ rank, id, name, points })),
  };
  await store.set(scoringKeys.seasonStandings(ws, season.id), archived);
  await store.update<SeasonSummary[]>(scoringKeys.seasonArchive(ws), (current = []) => (current.some((s) => s.id === season.id) ? current : [...current, archived.season]));
  return archived;
}

export async function archivedStandings(deps: ScoringDeps, wsRef: WorkspaceRef, name: string): Promise<ArchivedSeason> {
  const ws = workspaceOf(wsRef);
  const past = await seasonArchive(deps, ws);
  const season = past.find((s) => sameName(s.name, name));
  const standings = season && (await deps.world.store.get<ArchivedSeason>(scoringKeys.seasonStandings(ws, season.id)));
  if (!standings) {
    const known = past.length > 0 ? `Archived seasons: ${past.map((s) => s.name).join(', ')}.` : 'No season has ended yet.';
    throw new UserError('not-found', `There is no archived season \`${name.trim()}\`. ${known}`);
  }
  return standings;
}
