import leaderboard from '../../../commands/leaderboard.js';
import season from '../../../commands/season.js';
import settings from '../../../commands/settings.js';
import stats from '../../../commands/stats.js';
import team from '../../../commands/team.js';
import { parseCommandText } from '../../../src/core/commands/parse-text.js';
import { isUserError } from '../../../src/core/errors.js';
import type { UserRef } from '../../../src/core/refs.js';
import { type Reply, replyText, textReply } from '../../../src/core/reply.js';
import type { GradeRequest } from '../../../src/core/scoring/types.js';
import { ALICE, CHANNEL, commandRunner } from '../../helpers/services.js';
import { type Harness, gradeReq } from './harness.js';

export const SCORING_COMMANDS = [leaderboard, team, season, stats, settings];
export { ALICE, CHANNEL };
export const BOB: UserRef = { ...ALICE, userId: 'bob', name: 'Bob' };
export const ADMIN: UserRef = { ...ALICE, userId: 'ada', name: 'Ada' };

/** Types a command line as a person would, through the real parser and dispatcher. */
export function typist(h: Harness) {
  const run = commandRunner(SCORING_COMMANDS, { scoring: h.scoring });
  const reply = async (line: string, as: { user?: UserRef; isAdmin?: boolean } = {}): Promise<Reply> => {
    const user = as.user ?? ALICE;
    try {
      const parsed = parseCommandText(line, SCORING_COMMANDS);
      return await run({ command: parsed.command.name, subcommand: parsed.subcommand?.name ?? null, options: parsed.options, user, isAdmin: as.isAdmin ?? user === ADMIN });
    } catch (err) {
      if (isUserError(err)) return textReply(err.message, { ephemeral: true });
      throw err;
    }
  };
  return {
    reply,
    say: async (line: string, as: { user?: UserRef; isAdmin?: boolean } = {}): Promise<string> => replyText(await reply(line, as)),
  };
}

/** A grade in the command tests' workspace (web:team-a). */
export function gradeIn(overrides: Partial<GradeRequest> = {}): GradeRequest {
  return gradeReq({ user: ALICE, channel: CHANNEL, ...overrides });
}
