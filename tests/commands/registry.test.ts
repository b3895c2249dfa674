import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import type { CommandOption } from '../../src/core/commands/types.js';

const NAME = /^[a-z][a-z0-9-]{0,31}$/;

/** Both platforms register from this one list; Discord's limits are the stricter ones, so check them here. */
describe('the command list', () => {
  it('has the commands the practice engine promises, each name once', () => {
    const names = commands.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['daily', 'quiz', 'reveal', 'leaderboard', 'team', 'stats', 'season', 'bank', 'help']));
  });

  it.each(commands.map((c) => [c.name, c] as const))('`%s` fits Discord: names, descriptions, options', (_, command) => {
    expect(command.name).toMatch(NAME);
    expect(command.description.length).toBeGreaterThan(0);
    expect(command.description.length).toBeLessThanOrEqual(100);
    const subs = command.subcommands ?? [];
    // Discord forbids a command with both subcommands and its own options.
    expect(subs.length > 0 && (command.options ?? []).length > 0).toBe(false);
    const optionLists: (readonly CommandOption[])[] = subs.length > 0 ? subs.map((s) => s.options ?? []) : [command.options ?? []];
    for (const s of subs) {
      expect(s.name).toMatch(NAME);
      expect(s.description.length).toBeLessThanOrEqual(100);
    }
    expect(new Set(subs.map((s) => s.name)).size).toBe(subs.length);
    for (const options of optionLists) {
      expect(options.length).toBeLessThanOrEqual(25);
      const firstOptional = options.findIndex((o) => !o.required);
      // Required options must come first, or Discord rejects the registration.
      if (firstOptional >= 0) expect(options.slice(firstOptional).some((o) => o.required)).toBe(false);
      for (const o of options) {
        expect(o.name).toMatch(NAME);
        expect(o.description.length).toBeGreaterThan(0);
        expect(o.description.length).toBeLessThanOrEqual(100);
        expect((o.choices ?? []).length).toBeLessThanOrEqual(25);
      }
      expect(new Set(options.map((o) => o.name)).size).toBe(options.length);
      expect(options.filter((o) => o.rest).length).toBeLessThanOrEqual(1);
    }
  });
});
