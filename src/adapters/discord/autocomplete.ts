import type { ApplicationCommandOptionChoiceData, AutocompleteInteraction } from 'discord.js';
import type { Question } from '../../bank/types.js';
import type { BankService } from '../../core/bank-service.js';
import type { Command, CommandOption } from '../../core/commands/types.js';
import type { Engine } from '../../core/engine.js';
import { LIMITS, truncate } from './limits.js';

/**
 * Suggestions for options marked `autocomplete`: categories from the bank, teams of this guild, questions
 * (by the words typed, from the bank's search index). A list (`ai, ra`) completes its last item and keeps
 * the rest. Discord shows at most 25, each up to 100 chars.
 */
export async function suggest(interaction: AutocompleteInteraction, engine: Engine, bank: BankService): Promise<ApplicationCommandOptionChoiceData<string>[]> {
  const focused = interaction.options.getFocused(true);
  const option = findOption(engine.commands, interaction.commandName, interaction.options.getSubcommand(false), focused.name);
  if (!option?.autocomplete || !interaction.guildId) return [];
  const typed = String(focused.value);
  if (option.autocomplete === 'question') return suggestQuestions(bank, typed);
  const comma = typed.lastIndexOf(',');
  const done = comma >= 0 ? `${typed.slice(0, comma + 1).trim()} ` : '';
  const partial = typed.slice(comma + 1).trim();
  const names =
    option.autocomplete === 'category'
      ? bank.categories().map((c) => c.name)
      : (await engine.services.scoring.listTeams({ platform: 'discord', workspaceId: interaction.guildId })).map((t) => t.name);
  return rank(names, partial)
    .map((name) => `${done}${name}`)
    .filter((value) => value.length <= LIMITS.choiceName)
    .slice(0, LIMITS.autocompleteChoices)
    .map((value) => ({ name: truncate(value, LIMITS.choiceName), value }));
}

/**
 * Questions for an option that takes a question id: the one whose id starts with what was typed (people
 * paste ids), then the search index's best matches for the words. Shown as the question's first line with
 * its category; the value sent back is the id.
 */
export async function suggestQuestions(bank: BankService, typed: string, waitMs = INDEX_WAIT_MS): Promise<ApplicationCommandOptionChoiceData<string>[]> {
  const text = typed.trim();
  if (text === '') return [];
  const byId = bank.find(text.toLowerCase());
  const hits = await withinTime(bank.suggest(text, {}, LIMITS.autocompleteChoices), waitMs, []);
  const questions = byId ? [byId, ...hits.filter((q) => q !== byId)] : hits;
  return questions.slice(0, LIMITS.autocompleteChoices).map((q) => ({ name: truncate(questionLabel(q), LIMITS.choiceName), value: q.id }));
}

/**
 * Discord drops an autocomplete answer after 3 s. The first search of a very large bank builds the index
 * (tens of seconds for 100,000 questions): rather than time out, offer what the id alone finds; the
 * build goes on, and later keystrokes get full suggestions.
 */
const INDEX_WAIT_MS = 2_000;

async function withinTime<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

function questionLabel(q: Question): string {
  const line = (q.question.split('\n')[0] ?? '')
    .replace(/\*\*|`/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return q.category ? `${line} (${q.category})` : line;
}

/** Names starting with what was typed, then names with a word starting with it, then names containing it. */
export function rank(names: readonly string[], typed: string): string[] {
  const needle = typed.toLowerCase();
  if (needle === '') return [...names];
  const score = (name: string): number => {
    const lower = name.toLowerCase();
    if (lower.startsWith(needle)) return 0;
    if (lower.split(/[^\p{L}\p{N}]+/u).some((w) => w.startsWith(needle))) return 1;
    return lower.includes(needle) ? 2 : 3;
  };
  return names
    .map((name) => ({ name, score: score(name) }))
    .filter((n) => n.score < 3)
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .map((n) => n.name);
}

function findOption(commands: readonly Command[], name: string, subcommand: string | null, option: string): CommandOption | undefined {
  const command = commands.find((c) => c.name === name);
  const sub = subcommand ? command?.subcommands?.find((s) => s.name === subcommand) : undefined;
  return (sub ? sub.options : command?.options)?.find((o) => o.name === option);
}
