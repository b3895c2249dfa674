import { expect, it } from 'vitest';
import practiceCommand from '../../../commands/practice.js';
import { parseCommandText } from '../../../src/core/commands/parse-text.js';
import { replyText } from '../../../src/core/reply.js';
import { commandHarness } from '../../helpers/commands.js';
import { alice, describeEachStore, shownId } from './harness.js';

describeEachStore('the practice command', (h) => {
  const typist = () => commandHarness({ commands: [practiceCommand], services: { practice: h().practice }, user: alice, now: () => h().world.clock.now() });

  it('runs start for a bare `practice` and for `practice <category>`', async () => {
    expect(shownId(h(), await typist().reply('practice'))).toBe('att-1');
    expect(shownId(h(), await typist().reply('practice retrieval'))).toBe('rag-1');
    expect(shownId(h(), await typist().reply('practice start fine tuning'))).toBe('ft-1');
    expect(await typist().say('practice astrology')).toBe('No category matches `astrology`.');
  });

  it('narrows by difficulty and refuses an unknown level', async () => {
    expect(shownId(h(), await typist().reply('practice difficulty hard'))).toBe('att-3');
    expect(await typist().say('practice difficulty brutal')).toContain('`level` is one of `easy`, `medium`, `hard`');
  });

  it('shows and changes the settings, privately', async () => {
    const shown = await typist().reply('practice settings');
    expect(shown.ephemeral).toBe(true);
    expect(replyText(shown)).toBe("**Your practice settings**\nNew cards per day: 10\nYour days start at midnight in: UTC (the workspace's)");
    expect(await typist().say('practice settings new 5')).toContain('New cards per day: 5');
    expect(await typist().say('practice settings timezone europe/berlin')).toContain('midnight in: Europe/Berlin');
    expect(await typist().say('practice settings timezone workspace')).toContain("UTC (the workspace's)");
    expect(await typist().say('practice settings new lots')).toBe('New cards per day must be a whole number from 0 to 100.');
    expect(await typist().say('practice settings timezone Mars/Olympus')).toContain('`Mars/Olympus` is not a timezone');
    expect(await typist().say('practice settings new')).toContain('`value` is missing');
    expect((await h().practice.settings(alice)).newPerDay).toBe(5);
  });

  it('still reads a named subcommand as one, and a typed default only where the command declares one', () => {
    expect(parseCommandText('practice weak', [practiceCommand]).subcommand?.name).toBe('weak');
    expect(parseCommandText('practice', [practiceCommand]).subcommand?.name).toBe('start');
    expect(parseCommandText('practice rag', [practiceCommand]).options).toEqual({ category: 'rag' });
  });
});
