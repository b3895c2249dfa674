/**
 * What one load leaves for the next, even in another process or after a restart: the id and question
 * text of every question, and the aliases decided so far (the id a question's words make → the id it
 * keeps). The text is kept as written rather than normalized, so that a newer Recall whose id scheme
 * folds more (numbering, contractions) normalizes the old text its own way and finds it unchanged.
 *
 * Parallel arrays of strings rather than an object per question: compact in memory and in the store,
 * where it is kept in chunks (stored.ts); the whole record as one value is only read from an older store.
 */
export interface KnownBank {
  v: 1;
  ids: string[];
  texts: string[];
  /** Pairs flattened: from, to, from, to… */
  aliases: string[];
}

export interface KnownQuestion {
  id: string;
  text: string;
}

export const emptyKnownBank = (): KnownBank => ({ v: 1, ids: [], texts: [], aliases: [] });

export function knownBank(questions: readonly KnownQuestion[], aliases: ReadonlyMap<string, string>): KnownBank {
  return { v: 1, ids: questions.map((q) => q.id), texts: questions.map((q) => q.text), aliases: [...aliases].flat() };
}

/** The record as stored, or undefined when it is not one this version can read (damaged, or a future format). */
export function readKnownBank(value: unknown): KnownBank | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { v, ids, texts, aliases } = value as Partial<Record<keyof KnownBank, unknown>>;
  if (v !== 1 || !strings(ids) || !strings(texts) || !strings(aliases)) return undefined;
  if (ids.length !== texts.length || aliases.length % 2 !== 0) return undefined;
  return { v, ids, texts, aliases };
}

export function knownAliases(bank: KnownBank): Map<string, string> {
  const aliases = new Map<string, string>();
  for (let i = 0; i + 1 < bank.aliases.length; i += 2) aliases.set(bank.aliases[i] ?? '', bank.aliases[i + 1] ?? '');
  return aliases;
}

function strings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((x) => typeof x === 'string');
}
