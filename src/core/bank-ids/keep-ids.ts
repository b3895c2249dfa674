import type { Question } from '../../bank/types.js';
import { idOfNormalized, normalizeQuestionText } from '../../bank/ids.js';
import { nearIdenticalWords, questionWords } from '../../bank/similarity.js';
import { type KnownBank, knownAliases, knownBank, knownQuestions } from './record.js';

/** Past this many pairs of gone and new questions left after exact matches, a load is a new bank, not edits. */
const MAX_EDIT_MATCHES = 250_000;
/** Aliases of questions no longer in the bank, kept in case they come back; the oldest go first. */
const MAX_RETIRED_ALIASES = 10_000;

export interface CarriedId {
  id: string;
  was: string;
  now: Question;
  /** `same words`: only the id scheme changed (or an explicit id was dropped); `edit`: near-identical words. */
  how: 'same words' | 'edit';
}

export interface IdDecision {
  questions: Question[];
  /** What the next load compares with. */
  known: KnownBank;
  /** Ids carried by this decision; aliases decided before are applied silently. */
  carried: CarriedId[];
  /** Set when too many questions were left unmatched to look for edits among them. */
  skipped?: { gone: number; added: number };
}

/**
 * An edit must not cost a question its history (grades, rotation, cards): a question whose id comes
 * from its words and that the last known bank lacks takes the id of a question that is gone, when the
 * two have the same words (the id scheme changed) or near-identical ones (a typo fixed, a small word
 * changed); an alias decided before holds. Questions with an explicit `Id:` keep theirs. Pure (a store
 * update may run it twice). Only questions with an alias or missing from the last known bank are
 * normalized (to tell a derived id from an explicit one), so an unchanged restart costs set lookups.
 */
export function keepIds(loaded: readonly Question[], known: KnownBank): IdDecision {
  const aliases = knownAliases(known);
  const words = new Map<number, string[]>();
  const derived = (i: number): boolean => {
    const q = loaded[i];
    if (!q) return false;
    const normalized = normalizeQuestionText(q.question);
    words.set(i, normalized.split(' ').filter(Boolean));
    return idOfNormalized(normalized) === q.id;
  };
  const taken = new Set(loaded.map((q) => q.id));
  const aliased = new Set<number>();
  const questions = loaded.map((q, i) => {
    const kept = aliases.get(q.id);
    if (kept === undefined || taken.has(kept) || !derived(i)) return q;
    taken.add(kept);
    aliased.add(i);
    return { ...q, id: kept };
  });
  const before = new Set(known.ids);
  const gone = knownQuestions(known).filter((q) => !taken.has(q.id));
  // A first start has nothing gone, so nothing to normalize.
  const fresh = gone.length === 0 ? [] : questions.map((_, i) => i).filter((i) => !aliased.has(i) && !before.has(questions[i]?.id ?? '') && derived(i));
  const carried: CarriedId[] = [];
  let skipped: IdDecision['skipped'];
  const carry = (i: number, id: string, was: string, how: CarriedId['how']) => {
    const now = questions[i];
    if (!now) return;
    aliases.set(now.id, id);
    questions[i] = { ...now, id };
    carried.push({ id, was, now, how });
  };
  if (fresh.length > 0) {
    const goneWords = gone.map((g) => questionWords(g.text));
    const byWords = new Map<string, number[]>();
    goneWords.forEach((w, j) => byWords.set(w.join(' '), [...(byWords.get(w.join(' ')) ?? []), j]));
    const used = new Set<number>();
    const unmatched = fresh.filter((i) => {
      const j = byWords.get(words.get(i)?.join(' ') ?? '')?.find((k) => !used.has(k));
      if (j === undefined) return true;
      used.add(j);
      carry(i, gone[j]?.id ?? '', gone[j]?.text ?? '', 'same words');
      return false;
    });
    const left = gone.map((_, j) => j).filter((j) => !used.has(j));
    if (left.length * unmatched.length > MAX_EDIT_MATCHES) skipped = { gone: left.length, added: unmatched.length };
    else {
      for (const i of unmatched) {
        const mine = words.get(i) ?? [];
        const at = left.findIndex((j) => nearIdenticalWords(goneWords[j] ?? [], mine));
        const j = left[at];
        if (j === undefined) continue;
        left.splice(at, 1);
        carry(i, gone[j]?.id ?? '', gone[j]?.text ?? '', 'edit');
      }
    }
  }
  const ids = new Set(questions.map((q) => q.id));
  return {
    questions,
    known: knownBank(
      questions.map((q) => ({ id: q.id, text: q.question })),
      pruned(aliases, ids),
    ),
    carried,
    ...(skipped ? { skipped } : {}),
  };
}

/** Aliases of questions in the bank all stay; of the rest, only the newest few. */
function pruned(aliases: ReadonlyMap<string, string>, ids: ReadonlySet<string>): Map<string, string> {
  const entries = [...aliases].filter(([from, to]) => from !== to);
  let retired = entries.filter(([, to]) => !ids.has(to)).length;
  return new Map(entries.filter(([, to]) => ids.has(to) || retired-- <= MAX_RETIRED_ALIASES));
}
