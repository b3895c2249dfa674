import { renderPlain } from '../../bank/render/plain.js';

/** Words whose trailing dot does not end a sentence ("e.g. a cache", "vs. fine-tuning"). */
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'vs', 'etc', 'cf', 'approx', 'mr', 'mrs', 'ms', 'dr', 'st', 'no', 'fig', 'eq']);

/**
 * The short form of an answer that a multiple-choice button stands for: the first sentence of its
 * plain text. Null when the answer opens with something that is not a claim (a heading ending in a
 * colon, a code block) — such an answer makes a poor choice and is asked as a flashcard instead.
 */
export function gistOf(answerMarkdown: string): string | null {
  const plain = renderPlain(answerMarkdown);
  const firstBlock = plain.split(/\n\s*\n/).find((b) => b.trim().length > 0) ?? '';
  // A code block is indented by renderPlain; its first line is code, not a sentence.
  if (/^\s{4}/.test(firstBlock)) return null;
  const text = firstBlock
    .split('\n')[0]!
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ x]\]\s+)?/, '')
    .replace(/\s+/g, ' ')
    .trim();
  const sentence = firstSentence(text);
  if (sentence.length === 0 || sentence.endsWith(':')) return null;
  return sentence;
}

function firstSentence(text: string): string {
  const end = /[.!?](?=\s|$)/g;
  for (let m = end.exec(text); m; m = end.exec(text)) {
    const word = /(\S+)$/.exec(text.slice(0, m.index))?.[1]?.toLowerCase() ?? '';
    if (ABBREVIATIONS.has(word.replace(/^[("'“]+/, ''))) continue;
    return text.slice(0, m.index + 1);
  }
  return text;
}
