import { normalizeQuestionText } from './ids.js';

/**
 * How alike two questions are, for two jobs: listing probable duplicates for a person to clean up
 * (word-set similarity, loose) and handing an edited question its old id on reload (near-identical:
 * a typo or a small word, strict).
 */

/** Words that carry no subject: "What is X?", "Explain X." and "Can you describe X?" ask the same. */
const FUNCTION_WORDS = new Set(
  'a an the is are was were be been am do does did what whats how why when where which who whom whose you your we our i me my it its this that these those of in on at to for from by with as into about and or but not no can could would should will shall may might must there here than then so if some any explain describe define tell give list name discuss compare between vs versus difference differ differs'.split(
    ' ',
  ),
);

/**
 * The content words of a question, plurals folded ("LLMs" and "LLM" are one word) and hyphenated words
 * kept whole, so "fine-tuning" is one subject rather than two words shared with every question about it.
 */
export function contentWords(question: string): Set<string> {
  const words = normalizeQuestionText(question.replace(/(\p{L})-(?=\p{L})/gu, '$1')).split(' ');
  return new Set(words.filter((w) => w !== '' && !FUNCTION_WORDS.has(w)).map(singular));
}

function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** Shared words over all words (Jaccard): 1 for the same set, 0 for nothing in common. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * The same question after a small edit: at most two misspelt words fixed (one letter in a word of up
 * to seven, two in a longer one) and at most two small words added or dropped. "What is A?" and "What
 * is B?" are not near-identical: a one-letter word has no typo to fix.
 */
export function isNearIdentical(before: string, after: string): boolean {
  return nearIdenticalWords(questionWords(before), questionWords(after));
}

/** The normalized words of a question, for comparing many questions without normalizing each again. */
export function questionWords(question: string): string[] {
  return normalizeQuestionText(question).split(' ').filter(Boolean);
}

export function nearIdenticalWords(a: readonly string[], b: readonly string[]): boolean {
  // Cheap refusals first: a reload may compare every gone question with every new one.
  if (Math.abs(a.length - b.length) > 2 + 1) return false;
  const joinedA = a.join('');
  const joinedB = b.join('');
  if (joinedA === joinedB) return true;
  if (Math.abs(joinedA.length - joinedB.length) > 14) return false;
  const onlyA = without(a, b);
  const onlyB = without(b, a);
  if (onlyA.length + onlyB.length > 6) return false;
  let typos = 0;
  for (let i = onlyA.length - 1; i >= 0; i--) {
    const w = onlyA[i] ?? '';
    if (w.length < 4) continue;
    const j = onlyB.findIndex((v) => v.length >= 4 && editDistance(w, v) <= (Math.max(w.length, v.length) >= 8 ? 2 : 1));
    if (j < 0) continue;
    onlyA.splice(i, 1);
    onlyB.splice(j, 1);
    typos++;
  }
  const rest = [...onlyA, ...onlyB];
  return typos <= 2 && rest.length <= 2 && rest.every((w) => FUNCTION_WORDS.has(w)) && a.some((w) => !FUNCTION_WORDS.has(w));
}

/** The words of `a` not matched one for one in `b`. */
function without(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const w of b) left.set(w, (left.get(w) ?? 0) + 1);
  return a.filter((w) => {
    const n = left.get(w) ?? 0;
    if (n === 0) return true;
    left.set(w, n - 1);
    return false;
  });
}

/** Levenshtein distance with a swap of two neighbours counting as one edit ("recieve" → "receive"). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = d[i] as number[];
    const up = d[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((up[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (up[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, ((d[i - 2] as number[])[j - 2] ?? 0) + 1);
      row[j] = best;
    }
  }
  return (d[a.length] as number[])[b.length] ?? 0;
}
