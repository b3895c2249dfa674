import { describe, expect, it } from 'vitest';
import { commandOptions } from '../../../src/core/commands/options.js';
import { coerceOptions } from '../../../src/core/commands/parse-text.js';
import type { CommandOption } from '../../../src/core/commands/types.js';
import { isUserError } from '../../../src/core/errors.js';

const WORKSPACE = { platform: 'slack', workspaceId: 'T1' } as const;
const DECLARED: readonly CommandOption[] = [
  { name: 'name', description: 'a name', type: 'string' },
  { name: 'count', description: 'how many', type: 'integer' },
  { name: 'solo', description: 'just you', type: 'boolean' },
  { name: 'who', description: 'a person', type: 'user' },
  { name: 'where', description: 'a channel', type: 'channel' },
  { name: 'board', description: 'people or teams', type: 'string', choices: ['people', 'teams'] },
];

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}

describe('typed command options', () => {
  const options = commandOptions({ name: 'Ada', count: 3, solo: false, who: 'U2', board: 'teams' }, DECLARED, WORKSPACE);

  it('reads each declared type as itself', () => {
    expect(options.string('name')).toBe('Ada');
    expect(options.integer('count')).toBe(3);
    expect(options.boolean('solo')).toBe(false);
    expect(options.choice('board', ['people', 'teams'])).toBe('teams');
  });

  it('reads a user option as a person in the caller’s workspace', () => {
    expect(options.user('who')).toEqual({ platform: 'slack', workspaceId: 'T1', userId: 'U2' });
  });

  it('reads a channel option as a channel of the caller’s workspace, from a pick, a Slack or Discord mention, or a typed #name', () => {
    const read = (raw: string) => {
      const coerced = coerceOptions({ where: raw }, DECLARED, 'x [where]');
      return commandOptions(coerced, DECLARED, WORKSPACE).channel('where');
    };
    expect(read('C123')).toEqual({ platform: 'slack', workspaceId: 'T1', channelId: 'C123' });
    expect(read('<#C123|mod>')).toEqual({ platform: 'slack', workspaceId: 'T1', channelId: 'C123' });
    expect(read('<#456>')?.channelId).toBe('456');
    expect(read('#mod')?.channelId).toBe('mod');
    expect(isUserError(thrown(() => read('#')))).toBe(true);
    expect(commandOptions({}, DECLARED, WORKSPACE).channel('where')).toBeUndefined();
  });

  it('gives undefined for an option left out, and required reads say what is missing', () => {
    const none = commandOptions({}, DECLARED, WORKSPACE);
    expect(none.string('name')).toBeUndefined();
    expect(none.boolean('solo')).toBeUndefined();
    expect(none.has('name')).toBe(false);
    expect(options.has('name')).toBe(true);
    const err = thrown(() => none.required.integer('count'));
    expect(isUserError(err) && err.message).toBe('`count` is missing (how many).');
    expect(options.required.user('who').userId).toBe('U2');
  });

  it('refuses a value outside the choices the command reads with, as the person’s mistake', () => {
    const err = thrown(() => options.choice('board', ['people']));
    expect(isUserError(err) && err.message).toBe('`board` is one of `people`, not `teams`.');
  });

  it('treats reading an undeclared option, or under another type, as a bug in the command', () => {
    const undeclared = thrown(() => options.string('colour'));
    expect(isUserError(undeclared)).toBe(false);
    expect((undeclared as Error).message).toMatch(/does not declare/);
    expect((thrown(() => options.integer('name')) as Error).message).toMatch(/as integer, but declares it string/);
  });

  it('catches a value that skipped coercion instead of passing it on mistyped', () => {
    const raw = commandOptions({ count: '3' }, DECLARED, WORKSPACE);
    expect((thrown(() => raw.integer('count')) as Error).message).toMatch(/holds string/);
  });
});
