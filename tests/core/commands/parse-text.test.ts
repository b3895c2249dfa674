import { describe, expect, it } from 'vitest';
import { parseCommandText, tokenize } from '../../../src/core/commands/parse-text.js';
import type { Command } from '../../../src/core/commands/types.js';
import { textReply } from '../../../src/core/reply.js';

const run = async () => textReply('ok');
const quiz: Command = {
  name: 'quiz',
  description: 'a round',
  permission: 'everyone',
  options: [
    { name: 'category', description: 'which category', type: 'string' },
    { name: 'count', description: 'how many', type: 'integer', min: 1, max: 20 },
    { name: 'solo', description: 'just me', type: 'boolean' },
  ],
  run,
};
const team: Command = {
  name: 'team',
  description: 'teams',
  permission: 'everyone',
  subcommands: [
    { name: 'join', description: 'join one', options: [{ name: 'name', description: 'team name', type: 'string', required: true, rest: true }] },
    { name: 'leave', description: 'leave yours' },
  ],
  run,
};
const board: Command = {
  name: 'leaderboard',
  description: 'boards',
  permission: 'everyone',
  options: [
    { name: 'board', description: 'people or teams', type: 'string', choices: ['people', 'teams'] },
    { name: 'period', description: 'when', type: 'string', choices: ['week', 'month', 'season', 'all'] },
  ],
  run,
};
const commands = [quiz, team, board];

describe('reading a command typed as text', () => {
  it('assigns positional values in declared order and converts their types', () => {
    const parsed = parseCommandText('/quiz ai 5 yes', commands);
    expect(parsed.command.name).toBe('quiz');
    expect(parsed.options).toEqual({ category: 'ai', count: 5, solo: true });
  });

  it('accepts name:value in any order and quoted values with spaces', () => {
    expect(parseCommandText('quiz count:3 "Large Language Models"', commands).options).toEqual({ category: 'Large Language Models', count: 3 });
  });

  it('lets a rest option take the remainder of the line', () => {
    const parsed = parseCommandText('team join The Attention Heads', commands);
    expect(parsed.subcommand?.name).toBe('join');
    expect(parsed.options).toEqual({ name: 'The Attention Heads' });
  });

  it('matches choices without regard to case', () => {
    expect(parseCommandText('leaderboard TEAMS Month', commands).options).toEqual({ board: 'teams', period: 'month' });
  });

  it.each([
    ['frobnicate', /There is no `frobnicate` command\. Commands: quiz, team, leaderboard/],
    ['quiz ai lots', /`count` must be a whole number from 1 to 20, not `lots`/],
    ['quiz ai 99', /`count` must be from 1 to 20, not 99/],
    ['quiz ai 5 maybe', /`solo` is yes or no, not `maybe`/],
    ['quiz ai 5 yes extra', /Too many values: `extra`/],
    ['team', /`team` needs one of: join, leave/],
    ['team dance', /`team dance` is not a thing/],
    ['team join', /`name` is missing \(team name\)\. Usage: `team join <name>`/],
    ['leaderboard planets', /`board` is one of `people`, `teams`, not `planets`/],
    ['', /Type a command/],
  ])('explains what is wrong with `%s` instead of throwing a bug', (text, message) => {
    expect(() => parseCommandText(text, commands)).toThrow(message);
  });

  it('splits on spaces but keeps quoted text together', () => {
    expect(tokenize(`a "b c" 'd e' “f g” h`)).toEqual(['a', 'b c', 'd e', 'f g', 'h']);
  });
});
