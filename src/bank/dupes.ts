import { contentWords, jaccard } from './similarity.js';
import type { Question } from './types.js';

/**
 * Word-set similarity from which two questions are listed as probably the same. Measured on the seed
 * banks (325 questions, all 52,650 pairs): at 0.6 and above 3 pairs, 2 of them one question asked twice
 * ("Explain the Architecture of Transformers." / "Transformer architecture"); from 0.5 to 0.6 another 20,
 * mostly neighbouring questions on one subject ("How do you reduce hallucinations?" / "How do you
 * measure hallucinations?"), a list too long for the few it would add. See questions/README.md.
 */
export const DUPLICATE_THRESHOLD = 0.6;

export interface DuplicatePair {
  a: Question;
  b: Question;
  similarity: number;
}

/**
 * Pairs whose content-word sets are at least `threshold` alike, most alike first. Exact, without
 * comparing every pair: words are ordered rarest first, and two sets that alike must share one of the
 * first |x| - ceil(t·|x|) + 1 words of each (prefix filtering, as in Bayardo et al.'s All-Pairs), so only
 * questions sharing such a rare word are compared.
 */
export function probableDuplicates(questions: readonly Question[], threshold = DUPLICATE_THRESHOLD): DuplicatePair[] {
  const sets = questions.map((q) => contentWords(q.question));
  const frequency = new Map<string, number>();
  for (const s of sets) for (const w of s) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const rarestFirst = (a: string, b: string) => (frequency.get(a) ?? 0) - (frequency.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0);
  const index = new Map<string, number[]>();
  const pairs: DuplicatePair[] = [];
  sets.forEach((set, i) => {
    if (set.size === 0) return;
    const prefix = [...set].sort(rarestFirst).slice(0, set.size - Math.ceil(threshold * set.size) + 1);
    const candidates = new Set<number>();
    for (const w of prefix) for (const j of index.get(w) ?? []) candidates.add(j);
    for (const j of candidates) {
      const similarity = jaccard(set, sets[j] ?? new Set());
      const a = questions[j];
      const b = questions[i];
      if (similarity >= threshold && a && b) pairs.push({ a, b, similarity });
    }
    for (const w of prefix) {
      const list = index.get(w);
      if (list) list.push(i);
      else index.set(w, [i]);
    }
  });
  return pairs.sort((x, y) => y.similarity - x.similarity);
}
