import { grade, gradeOn } from './grading.js';
import { findPerson, rememberName } from './profiles.js';
import { leaderboard } from './leaderboard.js';
import { archivedStandings, currentSeason, endSeason, seasonArchive, startSeason } from './seasons.js';
import { settleOldGradesLogged } from './repair-log.js';
import { type ScoringOptions, type ScoringService, scoringDeps } from './service.js';
import { setTimezone, timezoneOf } from './settings.js';
import { statsOf } from './stats.js';
import { createTeam, joinTeam, leaveTeam, listTeams, removeTeam, renameTeam, teamOf } from './teams.js';

/** Scoring over the world's store; every key it writes starts with the workspace's key. */
export function createScoringService(options: ScoringOptions): ScoringService {
  const deps = scoringDeps(options);
  return {
    grade: (req) => grade(deps, req),
    gradeOn: (user, postId) => gradeOn(deps, user, postId),
    leaderboard: (query) => leaderboard(deps, query),
    createTeam: (ws, name, by) => createTeam(deps, ws, name, by),
    renameTeam: (ws, oldName, newName) => renameTeam(deps, ws, oldName, newName),
    removeTeam: (ws, name) => removeTeam(deps, ws, name),
    joinTeam: (user, name) => joinTeam(deps, user, name),
    leaveTeam: (user) => leaveTeam(deps, user),
    teamOf: (user) => teamOf(deps, user),
    listTeams: (ws) => listTeams(deps, ws),
    startSeason: (ws, name, at) => startSeason(deps, ws, name, at),
    endSeason: (ws, at) => endSeason(deps, ws, at),
    currentSeason: (ws) => currentSeason(deps, ws),
    seasonArchive: (ws) => seasonArchive(deps, ws),
    archivedStandings: (ws, name) => archivedStandings(deps, ws, name),
    stats: (user) => statsOf(deps, user),
    rememberName: (user) => rememberName(deps, user),
    findPerson: (ws, typed) => findPerson(deps, ws, typed),
    setTimezone: (ws, tz) => setTimezone(deps, ws, tz),
    timezoneOf: (ws) => timezoneOf(deps, ws),
    settleOldGrades: () => settleOldGradesLogged(deps),
  };
}
