import { describe, expect, it } from 'vitest';
import type { Command } from '../../../src/core/commands/types.js';
import { UserError } from '../../../src/core/errors.js';
import { replyText, textReply } from '../../../src/core/reply.js';
import { RecordingLogger } from '../../fakes/world.js';
import { commandRunner } from '../../helpers/commands.js';

const seen: unknown[] = [];
const daily: Command = {
  name: 'daily',
  description: 'daily question',
  permission: 'everyone',
  subcommands: [
    { name: 'status', description: 'when is the next one' },
    { name: 'set', description: 'schedule it', permission: 'admin', options: [{ name: 'time', description: 'HH:MM', type: 'string', required: true }] },
  ],
  async run(ctx) {
    const time = ctx.subcommand === 'set' ? ctx.options.required.string('time') : undefined;
    seen.push({ sub: ctx.subcommand, time, admin: ctx.isAdmin });
    if (time === '25:00') throw new UserError('bad-input', '`25:00` is not a time');
    if (time === 'boom') throw new Error('database on fire');
    return textReply(`ok ${ctx.subcommand}`);
  },
};

describe('dispatching a command', () => {
  const logger = new RecordingLogger();
  const run = commandRunner([daily], {}, logger);

  it('runs a subcommand anyone may use', async () => {
    expect(replyText(await run({ command: 'daily', subcommand: 'status' }))).toBe('ok status');
  });

  it('refuses an admin subcommand to a non-admin without running it', async () => {
    seen.length = 0;
    const reply = await run({ command: 'daily', subcommand: 'set', options: { time: '09:30' } });
    expect(reply).toEqual(textReply('Only admins can use `daily set`.', { ephemeral: true }));
    expect(seen).toEqual([]);
  });

  it('lets an admin run it, with options checked', async () => {
    expect(replyText(await run({ command: 'daily', subcommand: 'set', isAdmin: true, options: { time: '09:30' } }))).toBe('ok set');
    const missing = await run({ command: 'daily', subcommand: 'set', isAdmin: true, options: {} });
    expect(replyText(missing)).toMatch(/`time` is missing/);
  });

  it('turns a UserError into a private, friendly reply', async () => {
    expect(await run({ command: 'daily', subcommand: 'set', isAdmin: true, options: { time: '25:00' } })).toEqual(textReply('`25:00` is not a time', { ephemeral: true }));
  });

  it('logs any other error as a bug and still answers the person', async () => {
    const reply = await run({ command: 'daily', subcommand: 'set', isAdmin: true, options: { time: 'boom' } });
    expect(reply.ephemeral).toBe(true);
    expect(replyText(reply)).toMatch(/Something went wrong/);
    expect(logger.at('error')).toEqual([expect.objectContaining({ msg: 'command failed', obj: expect.objectContaining({ command: 'daily', subcommand: 'set' }) })]);
  });

  it('answers an unknown command or subcommand helpfully', async () => {
    expect(replyText(await run({ command: 'dance' }))).toMatch(/There is no `dance` command/);
    expect(replyText(await run({ command: 'daily', subcommand: 'tango' }))).toMatch(/`daily` needs one of: status, set/);
  });

  it('refuses options the command does not have', async () => {
    expect(replyText(await run({ command: 'daily', subcommand: 'status', options: { colour: 'red' } }))).toMatch(/Unknown option `colour`/);
  });
});
