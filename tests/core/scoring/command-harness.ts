import leaderboard from '../../../commands/leaderboard.js';
import season from '../../../commands/season.js';
import settings from '../../../commands/settings.js';
import stats from '../../../commands/stats.js';
import team from '../../../commands/team.js';
import { createBankService } from '../../../src/core/bank-service.js';
import { createPracticeService } from '../../../src/core/practice/index.js';
import { createSuggestionsService } from '../../../src/core/suggestions/index.js';
import type { UserRef } from '../../../src/core/refs.js';
import type { GradeRequest } from '../../../src/core/scoring/types.js';
import { commandHarness, unused } from '../../helpers/commands.js';
import { ALICE, CHANNEL, web } from '../../helpers/people.js';
import { type Harness, gradeReq } from './harness.js';

export const SCORING_COMMANDS = [leaderboard, team, season, stats, settings];
export { ALICE, BOB, CHANNEL } from '../../helpers/people.js';
export const ADMIN: UserRef = web.person('ada', 'Ada');

/** Types a command line as a person would, through the real parser and dispatcher; ADMIN is the admin. */
export function typist(h: Harness) {
  // `stats` adds the person's practice cards; with an empty bank there are none unless a test makes them.
  const empty = { questions: [], warnings: [], files: [] };
  const bank = createBankService(empty, async () => empty);
  const practice = createPracticeService({ world: h.world, config: h.config, bank, scoring: h.scoring });
  // …and the questions they contributed (approved suggestions): none here.
  const suggestions = createSuggestionsService({ world: h.world, bank, platform: unused('platform') });
  return commandHarness({ commands: SCORING_COMMANDS, services: { scoring: h.scoring, practice, suggestions }, admin: ADMIN });
}

/** A grade in the command tests' workspace (web:team-a). */
export function gradeIn(overrides: Partial<GradeRequest> = {}): GradeRequest {
  return gradeReq({ user: ALICE, channel: CHANNEL, ...overrides });
}
