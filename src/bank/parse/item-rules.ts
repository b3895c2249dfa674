import type { Block } from './blocks.js';
import { linesToMarkdown } from './code-lines.js';
import { type Draft, appendAnswer } from './draft.js';
import { acceptLine, answerPrefixed, asks, hintPrefixed, isInPageLinkLine, looksLikeQuestion, plainInline, questionListTitle } from './lines.js';
import type { BankReader, ItemBlock } from './reader.js';
import { type Rule, applyRules } from './rules.js';
import { questionEnd } from './shape-checks.js';

/** A list item of a list bank, numbered or bulleted, outside any `<details>` box. */
export const ITEM_RULES: readonly Rule<ItemBlock>[] = [
  {
    name: 'toc-link-item',
    shape: 'tables of contents',
    take: (_r, b) => isInPageLinkLine(b.firstLines[0] ?? ''),
  },
  {
    // `- Answer` (or `- A:`) under a question: the answer, its marker dropped.
    name: 'answer-bullet',
    shape: 'numbered questions, answers in an indented bullet',
    take(r, b) {
      if (b.ordered) return false;
      const marker = answerPrefixed(b.firstLines[0] ?? '');
      if (marker === null) return false;
      if (!r.current) return true;
      const body = [marker, ...b.body.split('\n').slice(1)].join('\n').trim();
      if (body !== '') appendAnswer(r.current, body, true);
      return true;
    },
  },
  {
    name: 'hint-bullet',
    shape: 'hints and elaborations',
    take(r, b) {
      if (b.ordered) return false;
      const hint = hintPrefixed(b.firstLines[0] ?? '');
      if (hint === null) return false;
      r.current?.hints.push(hint);
      return true;
    },
  },
  {
    // A bullet under a bulleted question is its answer, unless that question is still unanswered and
    // this bullet asks too: then the list is a list of questions.
    name: 'bullet-in-answer',
    shape: 'bulleted questions',
    take(r, b) {
      const d = r.current;
      if (b.ordered || !d || (d.fromBullet && !d.answerStarted && bulletAsks(r, b))) return false;
      r.answerContent(b);
      return true;
    },
  },
  {
    name: 'bulleted-question',
    shape: 'bulleted questions',
    take(r, b) {
      if (b.ordered || !bulletAsks(r, b)) return false;
      r.start(b.firstRaw, b.line);
      if (r.current) r.current.fromBullet = true;
      if (b.rest !== '' && r.current) itemRest(r, r.current, b.rest);
      return true;
    },
  },
  {
    // Advice ("Practice daily") or a preamble's bullets: neither question nor answer.
    name: 'other-bullet',
    shape: 'bulleted questions',
    take: (_r, b) => !b.ordered,
  },
  {
    // `Steps:` then `1. …` inside an answer keeps the list in that answer.
    name: 'answer-list',
    shape: 'numbered lists inside answers',
    take(r, b) {
      const intro = b.attachedIntro ?? '';
      const nextInSequence = b.blankBefore && r.current?.number != null && b.number === r.current.number + 1;
      if (!r.current || !b.attachedToParagraph || !/:\s*$/.test(intro) || questionListTitle(intro) !== null || nextInSequence) return false;
      r.answerContent(b);
      return true;
    },
  },
  {
    // `4.` or `1. - Answer` with nothing after still ends the question before it.
    name: 'empty-placeholder',
    shape: 'empty placeholders',
    take(r, b) {
      if (plainInline(linesToMarkdown(b.firstLines.slice(0, questionEnd(b.firstLines)))) !== '') return false;
      r.finish();
      return true;
    },
  },
  {
    name: 'numbered-question',
    shape: 'numbered questions, answers in an indented bullet',
    take(r, b) {
      const end = questionEnd(b.firstLines);
      r.numberedQuestion(b.firstRaw.slice(0, end), b.line, b.number);
      const answerLines = linesToMarkdown(b.firstRaw.slice(end), '\n');
      const rest = [answerLines, b.rest].filter((part) => part !== '').join('\n\n');
      if (rest !== '' && r.current) itemRest(r, r.current, rest);
      return true;
    },
  },
];

export function readItem(r: BankReader, b: ItemBlock): void {
  applyRules(ITEM_RULES, r, b);
}

/** A prompt without a question mark ("Explain a heap") asks only in a list of nothing but prompts. */
function bulletAsks(r: BankReader, b: ItemBlock): boolean {
  const text = b.firstLines.join(' ');
  return asks(text) || (looksLikeQuestion(text) && inPromptList(r));
}

/** What sits under a question inside its list item: an answer, hints, or both. */
function itemRest(r: BankReader, d: Draft, rest: string): void {
  const kept: string[] = [];
  for (const l of rest.split('\n')) {
    const hint = hintPrefixed(l);
    const accept = acceptLine(l.replace(/^\s*[-*+]\s+/, ''));
    if (hint !== null) d.hints.push(hint);
    else if (accept !== null) d.accept.push(...accept);
    else if (kept.every((k) => k.trim() === '') && r.meta(d, l)) continue;
    else kept.push(l);
  }
  let body = kept.join('\n').trim();
  const firstLine = body.split('\n')[0] ?? '';
  const bulletless = firstLine.replace(/^[-*+]\s+/, '');
  const marker = answerPrefixed(bulletless);
  if (marker !== null) body = [marker, ...body.split('\n').slice(1)].join('\n').trim();
  if (body !== '') appendAnswer(d, body, true);
}

/** Whether every bullet of the current block's list starts like a question (worked out once per list). */
function inPromptList(r: BankReader): boolean {
  const seen = r.promptList;
  if (seen && r.index >= seen.from && r.index <= seen.to) return seen.all;
  const isBullet = (x: Block | undefined): x is ItemBlock => x?.kind === 'item' && !x.ordered;
  let from = r.index;
  while (isBullet(r.blocks[from - 1]) && !(r.blocks[from] as ItemBlock).blankBefore) from--;
  let to = from;
  let all = true;
  for (let i = from; i < r.blocks.length; i++) {
    const item = r.blocks[i];
    if (!isBullet(item) || (i > from && item.blankBefore)) break;
    to = i;
    all &&= looksLikeQuestion(item.firstLines.join(' '));
  }
  r.promptList = { from, to, all };
  return all;
}
