import { workspaceOf } from '../refs.js';
import { practiceKeys } from './keys.js';
import { learnFromGrade } from './learn.js';
import type { PracticeDeps, PracticeService } from './service.js';
import { handlePracticeAction, startSession } from './session.js';
import { setNewPerDay, setTimezone, settingsOf, timezoneOf } from './settings.js';
import { dueSummary, practiceStats } from './stats.js';

export function createPracticeService(deps: PracticeDeps): PracticeService {
  return {
    start: (user, deck) => startSession(deps, user, deck),
    handleAction: (inv) => handlePracticeAction(deps, inv),
    learnFromGrade: (req) => learnFromGrade(deps, req),
    settings: (user) => settingsOf(deps, user),
    setNewPerDay: (user, n) => setNewPerDay(deps, user, n),
    setTimezone: (user, zone) => setTimezone(deps, user, zone),
    timezoneOf: (user) => timezoneOf(deps, user),
    dueSummary: (user, now) => dueSummary(deps, user, now),
    stats: (user, now) => practiceStats(deps, user, now),
    async people(ws) {
      const board = practiceKeys.people(workspaceOf(ws));
      const size = await deps.world.store.boardSize(board);
      return (await deps.world.store.boardTop(board, size)).map((e) => e.member);
    },
  };
}
