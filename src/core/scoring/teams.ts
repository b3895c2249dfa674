import { UserError } from '../errors.js';
import { type UserRef, type WorkspaceRef, workspaceOf } from '../refs.js';
import type { ScoringDeps } from './service.js';
import { scoringKeys } from './keys.js';
import { cleanName, sameName } from './names.js';
import { EMPTY_TEAMS, type MemberRecord, type TeamEntry, type TeamsIndex, updateDeciding } from './store.js';
import { clearTeamFromBoards } from './team-boards.js';
import type { JoinResult, TeamInfo } from './types.js';

/** Team boards are read whole (see leaderboard.ts), which this bound keeps cheap. */
export const MAX_TEAMS = 100;

/** Live teams sit above removed ones (whose size rows are zeroed), so this many rows covers every live team. */
const TEAM_SIZES_READ = 1000;

const info = (t: TeamEntry, members: number | undefined): TeamInfo => ({ id: t.id, name: t.name, members: Math.max(0, members ?? 0) });

export async function loadTeams(deps: ScoringDeps, ws: WorkspaceRef): Promise<TeamsIndex> {
  return (await deps.world.store.get<TeamsIndex>(scoringKeys.teams(ws))) ?? EMPTY_TEAMS;
}

/** Team id → current member count. */
export async function loadTeamSizes(deps: ScoringDeps, ws: WorkspaceRef): Promise<Map<string, number>> {
  const rows = await deps.world.store.boardTop(scoringKeys.teamSizes(ws), TEAM_SIZES_READ);
  return new Map(rows.map((r) => [r.member, r.score]));
}

export async function listTeams(deps: ScoringDeps, ws: WorkspaceRef): Promise<TeamInfo[]> {
  const [{ teams }, sizes] = await Promise.all([loadTeams(deps, ws), loadTeamSizes(deps, ws)]);
  return teams.map((t) => info(t, sizes.get(t.id))).sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
}

export async function createTeam(deps: ScoringDeps, ws: WorkspaceRef, input: string, by: UserRef): Promise<TeamInfo> {
  const name = cleanName(input, 'team');
  const at = deps.world.clock.now().toISOString();
  const { outcome } = await updateDeciding<TeamsIndex, { created: TeamEntry } | { taken: TeamEntry } | { full: true }>(
    deps.world.store,
    scoringKeys.teams(ws),
    (current = EMPTY_TEAMS) => {
      const taken = current.teams.find((t) => sameName(t.name, name));
      if (taken) return { next: current, outcome: { taken } };
      if (current.teams.length >= MAX_TEAMS) return { next: current, outcome: { full: true } };
      const created: TeamEntry = { id: `t${current.nextId}`, name, createdAt: at, createdBy: by.userId };
      return { next: { nextId: current.nextId + 1, teams: [...current.teams, created] }, outcome: { created } };
    },
  );
  if ('taken' in outcome) throw new UserError('conflict', `There is already a team called \`${outcome.taken.name}\`; names ignore case. Pick another name.`);
  if ('full' in outcome) throw new UserError('conflict', `A workspace can have at most ${MAX_TEAMS} teams; remove one first with \`team remove <name>\`.`);
  return info(outcome.created, 0);
}

export async function renameTeam(deps: ScoringDeps, ws: WorkspaceRef, oldInput: string, newInput: string): Promise<TeamInfo> {
  const newName = cleanName(newInput, 'team');
  const { outcome } = await updateDeciding<TeamsIndex, { renamed: TeamEntry } | { taken: TeamEntry } | { missing: TeamsIndex }>(
    deps.world.store,
    scoringKeys.teams(ws),
    (current = EMPTY_TEAMS) => {
      const team = current.teams.find((t) => sameName(t.name, oldInput));
      if (!team) return { next: current, outcome: { missing: current } };
      const taken = current.teams.find((t) => t.id !== team.id && sameName(t.name, newName));
      if (taken) return { next: current, outcome: { taken } };
      const renamed = { ...team, name: newName };
      return { next: { ...current, teams: current.teams.map((t) => (t.id === team.id ? renamed : t)) }, outcome: { renamed } };
    },
  );
  if ('missing' in outcome) throw noSuchTeam(oldInput, outcome.missing);
  if ('taken' in outcome) throw new UserError('conflict', `There is already a team called \`${outcome.taken.name}\`; names ignore case. Pick another name.`);
  return info(outcome.renamed, (await deps.world.store.boardRank(scoringKeys.teamSizes(ws), outcome.renamed.id))?.score);
}

/** Members are not touched: their membership points at a team that no longer exists, which reads as none. */
export async function removeTeam(deps: ScoringDeps, ws: WorkspaceRef, input: string): Promise<TeamInfo> {
  const { outcome } = await updateDeciding<TeamsIndex, { removed: TeamEntry } | { missing: TeamsIndex }>(deps.world.store, scoringKeys.teams(ws), (current = EMPTY_TEAMS) => {
    const team = current.teams.find((t) => sameName(t.name, input));
    if (!team) return { next: current, outcome: { missing: current } };
    return { next: { ...current, teams: current.teams.filter((t) => t.id !== team.id) }, outcome: { removed: team } };
  });
  if ('missing' in outcome) throw noSuchTeam(input, outcome.missing);
  const { id } = outcome.removed;
  const size = await deps.world.store.boardRank(scoringKeys.teamSizes(ws), id);
  await Promise.all([clearTeamFromBoards(deps, ws, id), size && size.score !== 0 ? deps.world.store.boardAdd(scoringKeys.teamSizes(ws), id, -size.score) : undefined]);
  return info(outcome.removed, size?.score);
}

export async function teamIdOf(deps: ScoringDeps, user: UserRef): Promise<string | null> {
  const member = await deps.world.store.get<MemberRecord>(scoringKeys.member(user, user.userId));
  return member?.teamId ?? null;
}

export async function teamOf(deps: ScoringDeps, user: UserRef): Promise<TeamInfo | null> {
  const [teamId, index] = await Promise.all([teamIdOf(deps, user), loadTeams(deps, user)]);
  const team = index.teams.find((t) => t.id === teamId);
  if (!team) return null;
  return info(team, (await deps.world.store.boardRank(scoringKeys.teamSizes(user), team.id))?.score);
}

export async function joinTeam(deps: ScoringDeps, user: UserRef, input: string): Promise<JoinResult> {
  const ws = workspaceOf(user);
  const index = await loadTeams(deps, ws);
  const team = index.teams.find((t) => sameName(t.name, input));
  if (!team) throw noSuchTeam(input, index);
  const previousId = await moveMember(deps, user, team.id, index);
  const count = (id: string) => sizeOf(deps, ws, id);
  if (previousId === team.id) return { team: info(team, await count(team.id)), previous: null, changed: false };
  const previous = index.teams.find((t) => t.id === previousId);
  const [members, previousMembers] = await Promise.all([count(team.id), previous ? count(previous.id) : undefined]);
  return { team: info(team, members), previous: previous ? info(previous, previousMembers) : null, changed: true };
}

export async function leaveTeam(deps: ScoringDeps, user: UserRef): Promise<TeamInfo> {
  const ws = workspaceOf(user);
  const index = await loadTeams(deps, ws);
  const previousId = await moveMember(deps, user, null, index);
  const previous = index.teams.find((t) => t.id === previousId);
  if (!previous) throw new UserError('not-found', 'You are not in a team. `team list` shows the teams and `team join <name>` joins one.');
  return info(previous, await sizeOf(deps, ws, previous.id));
}

/**
 * Sets the person's team and moves the member counts in the same transaction, so a crash cannot leave
 * a membership its counts never saw (and a count cannot go below 0). Returns the team they had, as the
 * committed transaction saw it. A team missing from `index` (removed) has no count to move.
 */
async function moveMember(deps: ScoringDeps, user: UserRef, teamId: string | null, index: TeamsIndex): Promise<string | null> {
  const key = scoringKeys.member(user, user.userId);
  const sizes = scoringKeys.teamSizes(workspaceOf(user));
  const live = (id: string | null): id is string => id !== null && index.teams.some((t) => t.id === id);
  return deps.world.store.transact({ keys: [key] }, (snapshot) => {
    const previousId = snapshot.value<MemberRecord>(key)?.teamId ?? null;
    if (previousId === teamId) return { result: previousId };
    const next: MemberRecord = { teamId };
    return {
      set: new Map<string, unknown>([[key, next]]),
      boardAdds: [...(live(teamId) ? [{ board: sizes, member: teamId, delta: 1 }] : []), ...(live(previousId) ? [{ board: sizes, member: previousId, delta: -1, floor: 0 }] : [])],
      result: previousId,
    };
  });
}

async function sizeOf(deps: ScoringDeps, ws: WorkspaceRef, teamId: string): Promise<number | undefined> {
  return (await deps.world.store.boardRank(scoringKeys.teamSizes(ws), teamId))?.score;
}

function noSuchTeam(input: string, index: TeamsIndex): UserError {
  const name = input.trim();
  const known = index.teams.length > 0 ? `Teams: ${index.teams.map((t) => t.name).join(', ')}.` : 'There are no teams yet.';
  return new UserError('not-found', `There is no team \`${name}\`. ${known} An admin can create one with \`team create ${name}\`.`);
}
