import { type Draft, appendAnswer } from './draft.js';
import { isElaboration } from './elaboration.js';
import { cleanCategory } from './headings.js';
import { answerPrefixed, asks, hintPrefixed, isInPageLinkLine, isTitleCased, isTitleShaped, numberedLine, questionListTitle, questionPrefixed } from './lines.js';
import type { BankReader, LineBlock } from './reader.js';
import { type Rule, applyRules } from './rules.js';
import { boldPrompt, boldQuestion, isWrapped, startsQuestion } from './shape-checks.js';
import { plainTitle, strongTitle } from './titles.js';

/**
 * A line of a list bank (numbered lines, `Q:`/`A:`, titled lists, plain text), outside any
 * `<details>` box. The first rule that takes it decides what it is.
 */
export const LINE_RULES: readonly Rule<LineBlock>[] = [
  {
    name: 'blank-or-toc-link',
    shape: 'tables of contents',
    take: (_r, b) => b.text === '' || isInPageLinkLine(b.text),
  },
  {
    // `Hint:`, `Tags:`, `Id:`, `Difficulty:` right under a question.
    name: 'meta-line',
    shape: 'hints and elaborations',
    take: (r, b) => r.current !== null && r.meta(r.current, b.text),
  },
  {
    // A hint with no question to belong to is dropped, never read as a question.
    name: 'stray-hint',
    shape: 'hints and elaborations',
    take: (_r, b) => hintPrefixed(b.text) !== null,
  },
  {
    name: 'q-line',
    shape: '`Q:` / `A:` pairs',
    take(r, b) {
      const asked = questionPrefixed(b.text);
      if (asked === null) return false;
      r.start(asked, b.line);
      if (r.current) r.current.marked = true;
      return true;
    },
  },
  {
    name: 'a-line',
    shape: '`Q:` / `A:` pairs',
    take(r, b) {
      const answer = answerPrefixed(b.text);
      if (answer === null || !r.current) return false;
      r.current.answerStarted = true;
      r.current.last = 'answer';
      if (answer !== '') appendAnswer(r.current, answer, true);
      return true;
    },
  },
  {
    name: 'question-list-title',
    shape: 'titled lists',
    take(r, b) {
      const listTitle = questionListTitle(b.text);
      if (listTitle === null) return false;
      r.newSection(listTitle, true);
      return true;
    },
  },
  {
    name: 'numbered-line',
    shape: 'plain-text sections',
    take(r, b) {
      const numbered = numberedLine(b.text);
      if (!numbered || numbered.rest === '') return false;
      r.numberedQuestion(numbered.rest, b.line, numbered.number);
      return true;
    },
  },
  {
    name: 'title-line',
    shape: 'title lines',
    take(r, b) {
      const title = titleLine(r, b);
      if (title === null) return false;
      r.newSection(title, false);
      return true;
    },
  },
  {
    // `Reinforcement Learning` over a list, or a Title Cased line inside a paragraph.
    name: 'bare-title',
    shape: 'plain-text sections',
    take(r, b) {
      const t = b.text;
      if (r.questionList || !isTitleShaped(t) || !(b.nextIsList || (!b.lastInParagraph && isTitleCased(t)))) return false;
      r.newSection(cleanCategory(t), false);
      return true;
    },
  },
  {
    name: 'bold-question',
    shape: 'bold question lines',
    take(r, b) {
      if (boldQuestion(b.text, r.legend) === null) return false;
      r.start(b.text, b.line);
      return true;
    },
  },
  {
    // Bold like the questions around it but not asking: read as a plain line, and said.
    name: 'bold-not-asking',
    shape: 'bold question lines',
    take(r, b) {
      if (!r.boldBank || !standalone(r, b) || !boldPrompt(b.text, r.legend)) return false;
      const where = r.current ? ', so it was kept in the answer above' : '';
      r.skip(b.line, b.text, `it is bold like the questions here but neither ends with \`?\` nor starts with a question word${where} (end it with \`?\` to ask it)`);
      plainLine(r, b);
      return true;
    },
  },
  {
    name: 'plain-line',
    shape: 'plain-text sections',
    take(r, b) {
      plainLine(r, b);
      return true;
    },
  },
];

export function readLine(r: BankReader, b: LineBlock): void {
  applyRules(LINE_RULES, r, b);
}

/**
 * `[Storage]`, `STORAGE`, `Storage:` on their own line before a question open a section (and end the
 * question before them, answered or not). A plain title line does so only where answers are marked
 * (`Q:`/`A:`) or no question is open, since elsewhere a short line can be an answer.
 */
function titleLine(r: BankReader, b: LineBlock): string | null {
  if (!standalone(r, b) || !startsQuestion(r.blocks[r.index + 1], r.legend)) return null;
  const strong = strongTitle(b.text);
  if (strong !== null) return strong;
  const d = r.current;
  return !r.questionList && (d === null || d.marked) ? plainTitle(b.text) : null;
}

function standalone(r: BankReader, b: LineBlock): boolean {
  return b.blankBefore || r.prev?.kind !== 'line' || r.prev.lastInParagraph;
}

/** A line no other rule took: in a titled list a question or its elaboration, elsewhere answer text. */
function plainLine(r: BankReader, b: LineBlock): void {
  const d = r.current;
  if (r.questionList) {
    if (d && !b.blankBefore && r.prev?.kind === 'line') return attachedToListQuestion(r, d, b);
    if (d && d.last === 'question' && isElaboration(d.questionLines.join(' '), b.text)) {
      d.hints.push(b.text);
      d.last = 'elaboration';
      return;
    }
    return r.start(b.text, b.line);
  }
  if (d) return r.plainAfterQuestion(d, b);
  if (r.pending.length > 0 || !asks(b.text)) {
    r.pending.push(b);
    return;
  }
  r.start(b.text, b.line);
}

/** In a titled list of questions a line right under a question wraps it, elaborates on it, or starts the next. */
function attachedToListQuestion(r: BankReader, d: Draft, b: LineBlock): void {
  if (d.last === 'hint') return r.start(b.text, b.line);
  if (d.last === 'question' && isWrapped(d.questionLines, b.text)) {
    d.questionLines.push(b.text);
    return;
  }
  d.hints.push(b.text);
  d.last = 'elaboration';
}
