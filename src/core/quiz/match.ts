import { distance } from 'fastest-levenshtein';

/**
 * Whether a typed answer says one of the accepted answers. Both sides are normalised first: case,
 * accents, punctuation and spacing fold away (`Fine-tuning.` = `fine tuning`), and a leading article
 * (`the`, `a`, `an`) goes. Then small typos pass: one edit in a word of 5-9 letters, two from 10 (a
 * whole answer counted as one "word"), measured with fastest-levenshtein. Digits never bend: `12` is
 * not `13`, so a number must be typed as it is. No match is not a wrong answer: the person then sees
 * the answer and grades themselves (handle-action.ts).
 */
export function matchesTyped(typed: string, accepted: readonly string[]): boolean {
  const t = normalise(typed);
  if (t === '') return false;
  return accepted.some((a) => {
    const n = normalise(a);
    if (n === '') return false;
    if (t === n || squash(t) === squash(n)) return true;
    if (digits(t) !== digits(n)) return false;
    return distance(squash(t), squash(n)) <= allowedEdits(squash(n).length);
  });
}

export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^(?:the|a|an) /, '');
}

function squash(text: string): string {
  return text.replace(/ /g, '');
}

function digits(text: string): string {
  return text.replace(/\D+/g, ' ').trim();
}

function allowedEdits(length: number): number {
  if (length < 5) return 0;
  return length < 10 ? 1 : 2;
}
