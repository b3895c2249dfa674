import { describe, expect, it } from 'vitest';
import bank from '../../commands/bank.js';
import help from '../../commands/help.js';
import { commands } from '../../commands/index.js';
import { replyText } from '../../src/core/reply.js';
import { commandRunner } from '../helpers/commands.js';
import { seedBankService } from '../helpers/services.js';

const service = seedBankService();
const run = commandRunner([bank, help], { bank: service });

describe('bank command', () => {
  it('shows bank stats per category', async () => {
    const text = replyText(await run({ command: 'bank', subcommand: 'stats' }));
    expect(text).toMatch(/^\*\*325 questions\*\*, 168 answered, 157 for discussion\./);
    expect(text).toContain('• Reinforcement Learning: 15 (15 answered)');
  });

  it('searches by words and lists ids', async () => {
    const reply = await run({ command: 'bank', subcommand: 'search', options: { words: 'LoRA work' } });
    expect(reply.ephemeral).toBe(true);
    const lora = service.all().find((q) => q.question === 'How does LoRA work?');
    expect(replyText(reply)).toContain(`\`${lora?.id}\` How does LoRA work?`);
  });

  it('ranks the LoRA question first for `bank search LoRA`, and finds answers that discuss chunking', async () => {
    const lora = replyText(await run({ command: 'bank', subcommand: 'search', options: { words: 'LoRA' } })).split('\n');
    expect(lora[1]).toMatch(/^• `[0-9a-z]+` [^\n]*\bLoRA\b/);
    expect(lora.join('\n')).not.toContain('exploration-exploitation');
    const chunking = replyText(await run({ command: 'bank', subcommand: 'search', options: { words: 'chunking' } }));
    expect(chunking).toContain('Describe the components of a RAG system.');
    expect(replyText(await run({ command: 'bank', subcommand: 'search', options: { words: 'retreival augmentd' } }))).toContain('What is Retrieval-Augmented Generation (RAG)?');
  });

  it('says which questions match when `bank show` gets words instead of an id', async () => {
    const text = replyText(await run({ command: 'bank', subcommand: 'show', options: { id: 'LoRA' } }));
    expect(text).toMatch(/^No question has the id `LoRA`/);
    expect(text).toMatch(/Questions matching it:\n• `[0-9a-z]+` [^\n]*LoRA/);
  });

  it('says when nothing matches', async () => {
    expect(replyText(await run({ command: 'bank', subcommand: 'search', options: { words: 'quantum knitting' } }))).toBe('No question mentions `quantum knitting`.');
  });

  it('shows one question with its answer privately, by id or a unique prefix', async () => {
    const q = service.all().find((x) => x.question.startsWith('Describe the backpropagation'));
    const reply = await run({ command: 'bank', subcommand: 'show', options: { id: q?.id.slice(0, 8) } });
    expect(reply.ephemeral).toBe(true);
    expect(replyText(reply)).toContain('Backpropagation is an algorithm');
    expect(replyText(await run({ command: 'bank', subcommand: 'show', options: { id: 'nope' } }))).toMatch(/No question has the id `nope`/);
  });

  it('reloads only for admins', async () => {
    expect(replyText(await run({ command: 'bank', subcommand: 'reload' }))).toBe('Only admins can use `bank reload`.');
    expect(replyText(await run({ command: 'bank', subcommand: 'reload', isAdmin: true }))).toBe('Reloaded: 325 questions (0 new, 0 gone), 2 warnings.');
  });
});

describe('help command', () => {
  it('lists every command from the one list, marking nothing it does not know', async () => {
    const text = replyText(await run({ command: 'help' }));
    expect(text).toContain('• `bank`: Look into the question bank');
    expect(text).toContain('• `help`: What Recall can do');
  });

  it('marks a command for admins only when none of it is open to everyone', async () => {
    const adminOnly = { name: 'wipe', description: 'Wipe everything', permission: 'admin' as const, run: bank.run };
    const mixed = {
      ...bank,
      name: 'mixed',
      permission: 'admin' as const,
      subcommands: [
        { name: 'look', description: 'look', permission: 'everyone' as const },
        { name: 'touch', description: 'touch' },
      ],
    };
    const text = replyText(await commandRunner([adminOnly, mixed, help], { bank: service })({ command: 'help' }));
    expect(text).toContain('• `wipe`: Wipe everything _(admins)_');
    expect(text).toContain('• `mixed`: Look into the question bank: stats, search, one question, edits, reload\n');
  });

  it('explains one command with its usage lines and admin subcommands', async () => {
    const text = replyText(await run({ command: 'help', options: { command: 'bank' } }));
    expect(text).toContain('• `bank search <words>`: Find questions by words');
    expect(text).toContain('• `bank reload`: Re-read the bank files _(admins)_');
  });

  it('says "admins" once per subcommand, for every command in the list', async () => {
    const runAll = commandRunner(commands, { bank: service });
    for (const command of commands) {
      const text = replyText(await runAll({ command: 'help', options: { command: command.name } }));
      for (const line of text.split('\n')) expect(line.match(/admins/g)?.length ?? 0, line).toBeLessThanOrEqual(1);
    }
    const daily = replyText(await runAll({ command: 'help', options: { command: 'daily' } }));
    expect(daily).toContain('• `daily off`: Stop the daily question here _(admins)_\n');
    expect(replyText(await runAll({ command: 'help', options: { command: 'team' } }))).toContain('Rename a team, keeping its points (quote a name with spaces) _(admins)_');
  });

  it('says so for a command that does not exist', async () => {
    expect(replyText(await run({ command: 'help', options: { command: 'dance' } }))).toMatch(/There is no `dance` command\. Commands: bank, help\./);
  });
});
