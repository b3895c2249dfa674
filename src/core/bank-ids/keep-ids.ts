import type { Question } from '../../bank/types.js';
import { idOfNormalized, normalizeQuestionText } from '../../bank/ids.js';
import { nearIdenticalWords, questionWords } from '../../bank/similarity.js';
import { type KnownBank, type KnownQuestion, knownAliases } from './record.js';

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
  const steps = decideIds(loaded, known);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * keepIds in many short turns of the event loop: on a changed bank of 100,000 questions the whole
 * decision (normalizing what is new and gone, comparing them) takes up to a second, which in one piece
 * would stop the process answering health checks and chat platforms for that long.
 */
export async function keepIdsInTurns(loaded: readonly Question[], known: KnownBank, pause: () => Promise<void> = nextTurn): Promise<IdDecision> {
  const steps = decideIds(loaded, known);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

/** Lets the event loop run (timers, sockets) before the next slice of work. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Work between two yields, in units of about one set or map lookup (0.1–0.3 µs). Measured on the shared
 * 2-core box under load: normalizing a question ~50 µs, comparing two for near-identity ~15 µs. A slice
 * is meant as a few ms of work, and a yield costs about a millisecond; slices of 15,000 units were
 * profiled at 15–27 ms of CPU each while the box was busy, so they are a third of that.
 */
const SLICE = 5_000;
const NORMALIZE = 200;
const COMPARE = 60;

/** The decision, yielding between slices of work (see keepIds and keepIdsInTurns). */
function* decideIds(loaded: readonly Question[], known: KnownBank): Generator<void, IdDecision> {
  let spent = 0;
  /** True when the slice is used up: the caller yields, and a new slice starts. */
  const spend = (units: number): boolean => {
    spent += units;
    if (spent < SLICE) return false;
    spent = 0;
    return true;
  };
  const aliases = knownAliases(known);
  const words = new Map<number, string[]>();
  const derived = (i: number): boolean => {
    const q = loaded[i];
    if (!q) return false;
    spent += NORMALIZE;
    const normalized = normalizeQuestionText(q.question);
    words.set(i, normalized.split(' ').filter(Boolean));
    return idOfNormalized(normalized) === q.id;
  };
  const taken = new Set<string>();
  for (const q of loaded) {
    taken.add(q.id);
    if (spend(1)) yield;
  }
  const aliased = new Set<number>();
  const questions: Question[] = [];
  for (let i = 0; i < loaded.length; i++) {
    const q = loaded[i] as Question;
    const kept = aliases.get(q.id);
    if (kept === undefined || taken.has(kept) || !derived(i)) questions.push(q);
    else {
      taken.add(kept);
      aliased.add(i);
      questions.push({ ...q, id: kept });
    }
    if (spend(1)) yield;
  }
  const gone: KnownQuestion[] = [];
  for (let j = 0; j < known.ids.length; j++) {
    const id = known.ids[j] ?? '';
    if (!taken.has(id)) gone.push({ id, text: known.texts[j] ?? '' });
    if (spend(2)) yield;
  }
  // A first start, or a bank only added to, has nothing gone, so nothing to normalize.
  const fresh: number[] = [];
  if (gone.length > 0) {
    const before = new Set<string>();
    for (const id of known.ids) {
      before.add(id);
      if (spend(1)) yield;
    }
    for (let i = 0; i < questions.length; i++) {
      if (!aliased.has(i) && !before.has(questions[i]?.id ?? '') && derived(i)) fresh.push(i);
      if (spend(1)) yield;
    }
  }
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
    const goneWords: string[][] = [];
    const byWords = new Map<string, number[]>();
    for (let j = 0; j < gone.length; j++) {
      const w = questionWords(gone[j]?.text ?? '');
      goneWords.push(w);
      const joined = w.join(' ');
      const list = byWords.get(joined);
      if (list) list.push(j);
      else byWords.set(joined, [j]);
      if (spend(NORMALIZE)) yield;
    }
    const used = new Set<number>();
    const unmatched: number[] = [];
    for (const i of fresh) {
      const j = byWords.get(words.get(i)?.join(' ') ?? '')?.find((k) => !used.has(k));
      if (j === undefined) unmatched.push(i);
      else {
        used.add(j);
        carry(i, gone[j]?.id ?? '', gone[j]?.text ?? '', 'same words');
      }
      if (spend(2)) yield;
    }
    const left = gone.map((_, j) => j).filter((j) => !used.has(j));
    if (left.length * unmatched.length > MAX_EDIT_MATCHES) skipped = { gone: left.length, added: unmatched.length };
    else {
      for (const i of unmatched) {
        const mine = words.get(i) ?? [];
        let at = -1;
        for (let k = 0; k < left.length; k++) {
          if (nearIdenticalWords(goneWords[left[k] ?? -1] ?? [], mine)) {
            at = k;
            break;
          }
          if (spend(COMPARE)) yield;
        }
        const j = left[at];
        if (j === undefined) continue;
        left.splice(at, 1);
        carry(i, gone[j]?.id ?? '', gone[j]?.text ?? '', 'edit');
      }
    }
  }
  const ids = new Set<string>();
  const knownIds: string[] = [];
  const knownTexts: string[] = [];
  for (const q of questions) {
    ids.add(q.id);
    knownIds.push(q.id);
    knownTexts.push(q.question);
    if (spend(2)) yield;
  }
  return {
    questions,
    known: { v: 1, ids: knownIds, texts: knownTexts, aliases: prunedAliases(aliases, ids) },
    carried,
    ...(skipped ? { skipped } : {}),
  };
}

/** Aliases of questions in the bank all stay; of the rest, only the newest few. Pairs flattened, as the record keeps them. */
function prunedAliases(aliases: ReadonlyMap<string, string>, ids: ReadonlySet<string>): string[] {
  const entries = [...aliases].filter(([from, to]) => from !== to);
  let retired = entries.filter(([, to]) => !ids.has(to)).length;
  return entries.filter(([, to]) => ids.has(to) || retired-- <= MAX_RETIRED_ALIASES).flat();
}
