import type { Block } from './blocks.js';
import { ANSWER_CALLOUTS, HINT_CALLOUTS, calloutAsQuote } from './callouts.js';
import { type Draft, type RawQuestion, appendAnswer, newDraft } from './draft.js';
import { isDetailsClose, parseDetailsOpen } from './details.js';
import { cleanCategory, isQuestionHeading, questionHeadingText } from './headings.js';
import {
  answerPrefixed,
  boldOnly,
  hintPrefixed,
  isInPageLinkLine,
  isTitleCased,
  isTitleShaped,
  joinQuestionLines,
  looksLikeQuestion,
  numberedLine,
  plainInline,
  questionListTitle,
  questionPrefixed,
  splitQuestionTags,
  tagsLine,
} from './lines.js';

export interface ExtractWarning {
  line: number;
  message: string;
}

type LineBlock = Extract<Block, { kind: 'line' }>;
type ItemBlock = Extract<Block, { kind: 'item' }>;

const MAX_QUESTION_CHARS = 1500;

/**
 * Reads a file's blocks as a person reads a question bank. Two readings exist:
 * - heading banks (`### Q12. …`, `## What is X?`): questions are headings, everything under one is its
 *   answer, and lists there are answer content;
 * - list banks (numbered items, plain lines, titled lists): questions are items or lines, answers are
 *   marked (`- Answer`, `>[!Ans]`, `A:`, `my ans -`) or are the text that follows a question.
 * `<details>` blocks and `Q:`/`A:` pairs are read the same way in both.
 * Text that is neither question nor answer (preambles, tables of contents, advice) is never kept.
 */
export interface ExtractDefaults {
  /** From front matter: the category until a section says otherwise, and tags every question gets. */
  category?: string | null;
  tags?: string[];
}

export function extractQuestions(blocks: Block[], defaults: ExtractDefaults = {}): { questions: RawQuestion[]; warnings: ExtractWarning[] } {
  return new Extractor(blocks, defaults).run();
}

class Extractor {
  private readonly out: RawQuestion[] = [];
  private readonly warnings: ExtractWarning[] = [];
  private readonly headingMode: boolean;
  private category: string | null = null;
  private questionList = false;
  private current: Draft | null = null;
  /** Lines after a section title before any numbered question: a first, unnumbered question may be in them. */
  private pending: LineBlock[] = [];
  private sectionHasNumbered = false;
  private detailsOpenAt: number | null = null;
  private prev: Block | undefined;

  constructor(
    private readonly blocks: Block[],
    private readonly defaults: ExtractDefaults,
  ) {
    this.category = defaults.category ?? null;
    const questionHeadings = blocks.filter((b) => b.kind === 'heading' && isQuestionHeading(b.text));
    this.headingMode = questionHeadings.length >= 2 || questionHeadings.some((b) => b.kind === 'heading' && /^q\s*\d/i.test(b.text));
  }

  run(): { questions: RawQuestion[]; warnings: ExtractWarning[] } {
    for (const block of this.blocks) {
      this.visit(block);
      this.prev = block;
    }
    this.closeDetailsIfOpen();
    this.finish();
    this.settlePending();
    return { questions: this.out, warnings: this.warnings };
  }

  private visit(b: Block): void {
    if (b.kind === 'html') return this.html(b);
    if (b.kind === 'qa-table') return this.qaTable(b);
    if (this.detailsOpenAt !== null && b.kind !== 'heading') return this.answerContent(b);
    switch (b.kind) {
      case 'heading':
        return this.heading(b);
      case 'break':
        return this.finish();
      case 'line':
        return this.headingMode ? this.answerContent(b) : this.line(b);
      case 'item':
        return this.headingMode ? this.answerContent(b) : this.item(b);
      case 'quote':
      case 'content':
        return this.answerContent(b);
    }
  }

  private qaTable(b: Extract<Block, { kind: 'qa-table' }>): void {
    for (const row of b.rows) {
      if (plainInline(row.question) === '') continue;
      const sectionCategory = this.category;
      if (row.category !== '') this.category = cleanCategory(row.category);
      this.start(row.question, row.line);
      const d = this.current as Draft | null;
      if (d) {
        if (row.answer !== '') appendAnswer(d, row.answer, true);
        if (row.hint !== '') d.hints.push(row.hint);
        if (row.tags !== '') d.tags.push(...row.tags.split(/[,;]/).map((t) => t.trim()).filter(Boolean));
      }
      this.finish();
      this.category = sectionCategory;
    }
  }

  // ----- sections and headings -----

  private heading(b: Extract<Block, { kind: 'heading' }>): void {
    if (isQuestionHeading(b.text)) {
      this.closeDetailsIfOpen();
      const { text, number } = questionHeadingText(b.text);
      this.start(text, b.line, { number, headingDepth: b.depth });
      return;
    }
    if (this.current?.headingDepth != null && b.depth > this.current.headingDepth) {
      appendAnswer(this.current, b.raw, true);
      return;
    }
    this.closeDetailsIfOpen();
    this.newSection(cleanCategory(b.text), false);
  }

  private newSection(category: string, questionList: boolean): void {
    this.finish();
    this.settlePending();
    this.category = category === '' ? this.category : category;
    this.questionList = questionList;
    this.sectionHasNumbered = false;
  }

  // ----- questions -----

  private start(text: string, line: number, opts: { number?: number | null; headingDepth?: number | null } = {}): void {
    this.finish();
    this.settlePending();
    if (opts.number != null) this.sectionHasNumbered = true;
    this.current = newDraft(text, line, this.category, opts);
  }

  private finish(): void {
    const d = this.current;
    this.current = null;
    if (!d) return;
    const joined = joinQuestionLines(d.questionLines);
    const { text, tags } = splitQuestionTags(unwrapBold(joined));
    if (plainInline(text) === '') return;
    if (text.length > MAX_QUESTION_CHARS) {
      this.warn(d.line, `question is ${text.length.toLocaleString('en')} characters long, skipped (is a line break or a numbering missing?)`);
      return;
    }
    const answer = d.answer.trim();
    this.out.push({
      question: text,
      answer: answer === '' ? null : answer,
      hints: d.hints,
      tags: [...tags, ...d.tags, ...(this.defaults.tags ?? [])],
      category: d.category,
      line: d.line,
    });
  }

  /** A section whose numbering starts at 2 had its first question unnumbered, right after the title. */
  private promotePending(): void {
    const [first, ...rest] = this.pending;
    this.pending = [];
    if (!first) return;
    this.current = newDraft(first.text, first.line, this.category);
    for (const l of rest) this.plainAfterQuestion(this.current, l);
    this.finish();
  }

  /** At the end of a section, leftover lines were a preamble unless they open with a real question. */
  private settlePending(): void {
    const first = this.pending[0];
    if (first && /[?？]\s*$/.test(plainInline(first.text)) && this.category !== null) this.promotePending();
    this.pending = [];
  }

  // ----- list banks -----

  private item(b: ItemBlock): void {
    const firstLine = b.firstLines[0] ?? '';
    if (isInPageLinkLine(firstLine)) return;
    if (!b.ordered) return this.bullet(b);
    const intro = b.attachedIntro ?? '';
    const nextInSequence = b.blankBefore && this.current?.number != null && b.number === this.current.number + 1;
    if (this.current && b.attachedToParagraph && /:\s*$/.test(intro) && questionListTitle(intro) === null && !nextInSequence) {
      return this.answerContent(b);
    }
    // `2. What is Y?` with the answer on the next line of the same paragraph: the question ends where it asks.
    const asked = b.firstLines.findIndex((l, i) => i < b.firstLines.length - 1 && /[?？]\s*$/.test(plainInline(l)));
    const questionLines = asked >= 0 ? b.firstLines.slice(0, asked + 1) : b.firstLines;
    const text = joinQuestionLines(questionLines);
    if (plainInline(text) === '') {
      // An empty numbered placeholder (`4.` or `1. - Answer` with nothing after) still ends the question before it.
      this.finish();
      return;
    }
    this.numberedQuestion(text, b.line, b.number);
    const answerLines = asked >= 0 ? b.firstLines.slice(asked + 1).join('\n') : '';
    const rest = [answerLines, b.rest].filter((part) => part !== '').join('\n\n');
    if (rest !== '' && this.current) this.itemRest(this.current, rest);
  }

  private numberedQuestion(text: string, line: number, number: number | null): void {
    if (number === 2 && !this.sectionHasNumbered && this.pending.length > 0) {
      this.finish();
      this.promotePending();
    } else {
      this.pending = [];
    }
    this.start(text, line, { number });
  }

  /** What sits under a numbered question inside its list item: an answer, hints, or both. */
  private itemRest(d: Draft, rest: string): void {
    const kept: string[] = [];
    for (const l of rest.split('\n')) {
      const hint = hintPrefixed(l);
      if (hint !== null) d.hints.push(hint);
      else kept.push(l);
    }
    let body = kept.join('\n').trim();
    const firstLine = body.split('\n')[0] ?? '';
    const bulletless = firstLine.replace(/^[-*+]\s+/, '');
    const marker = answerPrefixed(bulletless);
    if (marker !== null) body = [marker, ...body.split('\n').slice(1)].join('\n').trim();
    if (body !== '') appendAnswer(d, body, true);
  }

  private bullet(b: ItemBlock): void {
    const first = b.firstLines[0] ?? '';
    const marker = answerPrefixed(first);
    if (marker !== null) {
      if (!this.current) return;
      const body = [marker, ...b.body.split('\n').slice(1)].join('\n').trim();
      if (body !== '') appendAnswer(this.current, body, true);
      return;
    }
    const hint = hintPrefixed(first);
    if (hint !== null) {
      this.current?.hints.push(hint);
      return;
    }
    const text = joinQuestionLines(b.firstLines);
    const asks = /[?？]\s*$/.test(plainInline(text));
    // A bullet under a bulleted question is its answer, unless that question is still unanswered and
    // this bullet asks too: then the list is a list of questions.
    if (this.current && !(this.current.fromBullet && !this.current.answerStarted && asks)) return this.answerContent(b);
    if (asks) {
      this.start(text, b.line);
      if (this.current) this.current.fromBullet = true;
      if (b.rest !== '' && this.current) this.itemRest(this.current, b.rest);
    }
  }

  private line(b: LineBlock): void {
    const t = b.text;
    if (t === '' || isInPageLinkLine(t)) return;
    const hint = hintPrefixed(t);
    if (hint !== null) {
      if (this.current) {
        this.current.hints.push(hint);
        this.current.last = 'hint';
      }
      return;
    }
    const tags = tagsLine(t);
    if (tags && this.current && !this.current.answerStarted) {
      this.current.tags.push(...tags);
      return;
    }
    const asked = questionPrefixed(t);
    if (asked !== null) return this.start(asked, b.line);
    const answer = answerPrefixed(t);
    if (answer !== null && this.current) {
      this.current.answerStarted = true;
      this.current.last = 'answer';
      if (answer !== '') appendAnswer(this.current, answer, true);
      return;
    }
    const listTitle = questionListTitle(t);
    if (listTitle !== null) return this.newSection(listTitle, true);
    const numbered = numberedLine(t);
    if (numbered && numbered.rest !== '') return this.numberedQuestion(numbered.rest, b.line, numbered.number);
    if (!this.questionList && isTitleShaped(t) && (b.nextIsList || (!b.lastInParagraph && isTitleCased(t)))) {
      return this.newSection(cleanCategory(t), false);
    }
    const bold = boldOnly(t);
    if (bold !== null && !/:\s*$/.test(bold) && bold.split(/\s+/).length >= 3 && looksLikeQuestion(bold)) {
      return this.start(bold, b.line);
    }
    this.plainLine(b);
  }

  private plainLine(b: LineBlock): void {
    const d = this.current;
    if (this.questionList) {
      if (d && !b.blankBefore && this.prev?.kind === 'line') return this.attachedToListQuestion(d, b);
      return this.start(b.text, b.line);
    }
    if (d) return this.plainAfterQuestion(d, b);
    if (this.pending.length > 0 || !/[?？]\s*$/.test(plainInline(b.text))) {
      this.pending.push(b);
      return;
    }
    this.start(b.text, b.line);
  }

  /** In a titled list of questions a line right under a question wraps it, elaborates on it, or starts the next. */
  private attachedToListQuestion(d: Draft, b: LineBlock): void {
    if (d.last === 'hint') return this.start(b.text, b.line);
    if (d.last === 'question' && isWrapped(d.questionLines, b.text)) {
      d.questionLines.push(b.text);
      return;
    }
    d.hints.push(b.text);
    d.last = 'elaboration';
  }

  private plainAfterQuestion(d: Draft, b: LineBlock): void {
    if (d.last === 'question' && !b.blankBefore && isWrapped(d.questionLines, b.text)) {
      d.questionLines.push(b.text);
      return;
    }
    appendAnswer(d, b.text, b.blankBefore || d.last !== 'answer');
  }

  // ----- content under a question (both readings) -----

  private answerContent(b: Block): void {
    const d = this.current;
    if (!d) return;
    switch (b.kind) {
      case 'line':
        return this.headingModeLine(d, b);
      case 'item':
        return appendAnswer(d, itemMarkdown(b), b.blankBefore || d.last !== 'answer' || this.prev?.kind !== 'item');
      case 'quote':
        if (b.callout && ANSWER_CALLOUTS.has(b.callout)) return appendAnswer(d, b.body, true);
        if (b.callout && HINT_CALLOUTS.has(b.callout)) {
          d.hints.push(b.body);
          return;
        }
        return appendAnswer(d, b.callout ? calloutAsQuote(b.callout, b.calloutTitle, b.body) : b.raw, true);
      case 'content':
        if (b.type === 'code' && b.unclosedFence) this.warn(b.line, 'code block is never closed; it runs to the end of the file');
        return appendAnswer(d, b.raw, true);
      case 'heading':
        return appendAnswer(d, b.raw, true);
      case 'html':
        return appendAnswer(d, b.raw, true);
      case 'break':
        return;
    }
  }

  private headingModeLine(d: Draft, b: LineBlock): void {
    const t = b.text;
    if (t === '' || isInPageLinkLine(t)) return;
    const hint = hintPrefixed(t);
    if (hint !== null) {
      d.hints.push(hint);
      return;
    }
    const tags = tagsLine(t);
    if (tags && !d.answerStarted) {
      d.tags.push(...tags);
      return;
    }
    const marker = answerPrefixed(t);
    if (marker !== null && !d.answerStarted) {
      d.answerStarted = true;
      if (marker !== '') appendAnswer(d, marker, true);
      d.last = 'answer';
      return;
    }
    appendAnswer(d, t, b.blankBefore || d.last !== 'answer' || this.prev?.kind !== 'line');
  }

  // ----- <details><summary>Q</summary>A</details> -----

  private html(b: Extract<Block, { kind: 'html' }>): void {
    const open = parseDetailsOpen(b.raw);
    if (open) {
      this.closeDetailsIfOpen();
      this.start(open.question, b.line);
      if (open.answer !== '' && this.current) appendAnswer(this.current, open.answer, true);
      if (!open.closed) this.detailsOpenAt = b.line;
      return;
    }
    if (this.detailsOpenAt !== null && isDetailsClose(b.raw)) {
      const before = b.raw.replace(/<\/details>[\s\S]*$/i, '').trim();
      if (before !== '' && this.current) appendAnswer(this.current, before, true);
      this.detailsOpenAt = null;
      this.finish();
      return;
    }
    if (/^\s*<a\s+(?:id|name)=[^>]*>\s*<\/a>\s*$/i.test(b.raw)) return;
    this.answerContent(b);
  }

  private closeDetailsIfOpen(): void {
    if (this.detailsOpenAt === null) return;
    this.warn(this.detailsOpenAt, '`<details>` is never closed; its answer ends at the next question or section');
    this.detailsOpenAt = null;
    this.finish();
  }

  private warn(line: number, message: string): void {
    this.warnings.push({ line, message });
  }
}

function unwrapBold(text: string): string {
  return boldOnly(text) ?? text;
}

/** A question line an editor wrapped: it has no closing punctuation and the next line carries on in lower case. */
function isWrapped(questionLines: string[], next: string): boolean {
  const last = questionLines[questionLines.length - 1] ?? '';
  return !/[.?!:;)"”]\s*$/.test(last) && /^[\p{Ll}(]/u.test(next.trim());
}

function itemMarkdown(b: ItemBlock): string {
  const marker = b.ordered ? `${b.number ?? 1}. ` : '- ';
  const pad = ' '.repeat(marker.length);
  return marker + b.body.split('\n').map((l, i) => (i === 0 || l === '' ? l : pad + l)).join('\n');
}
