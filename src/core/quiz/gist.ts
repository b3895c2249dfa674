import { parseForRender } from '../../bank/render/parse.js';
import { plainFromTree } from '../../bank/render/plain.js';

/** Words whose trailing dot does not end a sentence ("e.g. a cache", "vs. fine-tuning"). */
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'vs', 'etc', 'cf', 'approx', 'mr', 'mrs', 'ms', 'dr', 'st', 'no', 'fig', 'eq']);

/**
 * The whole answer as one line of plain text, when the whole answer is one: a single paragraph of at
 * most one sentence. Null for anything more (a second sentence, a list, code, a table, a quote): such an
 * answer is never cut down to a part of it for a button; see the rule at the top of build.ts.
 */
export function gistOf(answerMarkdown: string): string | null {
  const tree = parseForRender(answerMarkdown);
  if (tree.children.length !== 1 || tree.children[0]?.type !== 'paragraph') return null;
  const text = plainFromTree(tree).replace(/\s+/g, ' ').trim();
  if (text.length === 0 || text.endsWith(':') || sentenceCount(text) > 1) return null;
  return text;
}

/** Sentences in a line of text: ends of sentence (`.`, `!`, `?` before a space) that are not an abbreviation's dot. */
export function sentenceCount(text: string): number {
  let count = 1;
  const end = /[.!?](?=\s+\S)/g;
  for (let m = end.exec(text); m; m = end.exec(text)) {
    const word = /(\S+)$/.exec(text.slice(0, m.index))?.[1]?.toLowerCase() ?? '';
    if (ABBREVIATIONS.has(word.replace(/^[("'“]+/, ''))) continue;
    // "3.5" and "v1." are numbers, not ends; an initial ("J. Smith") is no sentence either.
    if (/\d$/.test(word) || /^\p{L}$/u.test(word)) continue;
    count++;
  }
  return count;
}
