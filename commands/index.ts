import type { Command } from '../src/core/commands/types.js';
import bank from './bank.js';
import daily from './daily.js';
import digest from './digest.js';
import help from './help.js';
import leaderboard from './leaderboard.js';
import practice from './practice.js';
import quiz from './quiz.js';
import reveal from './reveal.js';
import season from './season.js';
import settings from './settings.js';
import stats from './stats.js';
import suggest from './suggest.js';
import team from './team.js';

/** Every command, in the order help lists them. Discord, Slack and the playground register from this list. */
export const commands: readonly Command[] = [daily, quiz, reveal, practice, leaderboard, team, stats, suggest, season, digest, settings, bank, help];
