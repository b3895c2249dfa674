import type { Difficulty } from '../types.js';
import type { Block } from './blocks.js';
import { ANSWER_CALLOUTS, HINT_CALLOUTS, calloutAsQuote } from './callouts.js';
import { linesToMarkdown } from './code-lines.js';
import { DetailsReader } from './details-reader.js';
import { type DifficultyLegend, levelOf, readLegend } from './difficulty.js';
import { type Draft, type RawQuestion, appendAnswer, newDraft } from './draft.js';
import { isElaboration } from './elaboration.js';
import { brokenLinks } from './links.js';
import { boldPrompt, boldQuestion, codeUnderQuestion, isWrapped, itemMarkdown, questionEnd, splitTags, startsQuestion } from './shape-rules.js';
import { type ExtractWarning, type FinishContext, finishDraft } from './finish.js';
import { cleanCategory, isQuestionHeading, questionHeadingText } from './headings.js';
import {
  answerPrefixed,
  asks,
  hintPrefixed,
  idLine,
  isInPageLinkLine,
  isTitleCased,
  isTitleShaped,
  looksLikeQuestion,
  numberedLine,
  plainInline,
  questionListTitle,
  questionPrefixed,
  tagsLine,
} from './lines.js';
import { plainTitle, strongTitle } from './titles.js';

export type { ExtractWarning } from './finish.js';

type LineBlock = Extract<Block, { kind: 'line' }>;
type ItemBlock = Extract<Block, { kind: 'item' }>;

/**
 * Reads a file's blocks as a person reads a question bank. Two readings exist:
 * - heading banks (`### Q12. …`, `## What is X?`): questions are headings, everything under one is its
 *   answer, and lists there are answer content;
 * - list banks (numbered items, plain lines, titled lists): questions are items or lines, answers are
 *   marked (`- Answer`, `>[!Ans]`, `A:`, `my ans -`) or are the text that follows a question.
 * `<details>` blocks and `Q:`/`A:` pairs are read the same way in both.
 * Text that is neither question nor answer (preambles, tables of contents, advice) is never kept, but a
 * block that looks like a question and is not taken gets a warning saying why.
 */
export interface ExtractDefaults {
  /** From front matter: the category until a section says otherwise, and tags every question gets. */
  category?: string | null;
  tags?: string[];
  difficulty?: Difficulty | null;
}

export function extractQuestions(blocks: Block[], defaults: ExtractDefaults = {}): { questions: RawQuestion[]; warnings: ExtractWarning[] } {
  return new Extractor(blocks, defaults).run();
}

class Extractor {
  private readonly out: RawQuestion[] = [];
  private readonly warnings: ExtractWarning[] = [];
  private readonly headingMode: boolean;
  /** Bold lines ask the questions here, so a bold line that does not ask is worth a warning. */
  private readonly boldBank: boolean;
  /** What the file's emoji markers mean (its legend, or the usual ones); the legend's own lines are skipped. */
  private readonly legend: DifficultyLegend;
  private readonly legendLines: ReadonlySet<number>;
  private readonly finishContext: FinishContext;
  private category: string | null = null;
  private questionList = false;
  private current: Draft | null = null;
  /** Lines after a section title before any numbered question: a first, unnumbered question may be in them. */
  private pending: LineBlock[] = [];
  private sectionHasNumbered = false;
  private readonly details = new DetailsReader({
    current: () => this.current,
    start: (text, line) => this.start(text, line),
    finish: () => this.finish(),
    warn: (line, message) => this.warn(line, message),
    outside: (block) => this.answerContent(block),
    following: () => this.blocksAfter(),
  });
  private index = 0;
  private promptList: { from: number; to: number; all: boolean } | null = null;
  private prev: Block | undefined;

  constructor(
    private readonly blocks: Block[],
    private readonly defaults: ExtractDefaults,
  ) {
    this.category = defaults.category ?? null;
    const legend = readLegend(blocks.flatMap((b) => (b.kind === 'line' ? [b] : b.kind === 'item' ? [{ line: b.line, text: b.firstLines.join(' ') }] : [])));
    this.legend = legend.legend;
    this.legendLines = legend.lines;
    this.finishContext = { legend: this.legend, tags: defaults.tags ?? [], difficulty: defaults.difficulty ?? null };
    const questionHeadings = blocks.filter((b) => b.kind === 'heading' && isQuestionHeading(b.text, this.legend));
    this.headingMode = questionHeadings.length >= 2 || questionHeadings.some((b) => b.kind === 'heading' && /^q\s*\d/i.test(b.text));
    this.boldBank = blocks.filter((b) => b.kind === 'line' && boldQuestion(b.text, this.legend) !== null).length >= 2;
  }

  run(): { questions: RawQuestion[]; warnings: ExtractWarning[] } {
    this.blocks.forEach((block, i) => {
      this.index = i;
      this.visit(block);
      this.prev = block;
    });
    this.details.closeAll();
    this.finish();
    this.settlePending();
    return { questions: this.out, warnings: this.warnings };
  }

  private visit(b: Block): void {
    if ((b.kind === 'line' || b.kind === 'item') && this.legendLines.has(b.line)) return;
    this.checkLinks(b);
    if (b.kind === 'html') return this.html(b);
    if (b.kind === 'qa-table') return this.qaTable(b);
    if (this.details.open && this.current && b.kind !== 'heading') return this.answerContent(b);
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
        if (row.tags !== '') d.tags.push(...splitTags(row.tags));
        if (row.difficulty !== '') {
          d.difficulty = levelOf(row.difficulty);
          if (!d.difficulty) d.tags.push(row.difficulty);
        }
        if (row.id !== '') d.id = row.id;
      }
      this.finish();
      this.category = sectionCategory;
    }
  }

  // ----- sections and headings -----

  private heading(b: Extract<Block, { kind: 'heading' }>): void {
    if (isQuestionHeading(b.text, this.legend)) {
      this.details.closeAll();
      const { text, number } = questionHeadingText(b.text);
      this.start(text, b.line, { number, headingDepth: b.depth });
      return;
    }
    if (this.current?.headingDepth != null && b.depth > this.current.headingDepth) {
      appendAnswer(this.current, b.raw, true);
      return;
    }
    this.details.closeAll();
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

  private start(text: string | string[], line: number, opts: { number?: number | null; headingDepth?: number | null } = {}): void {
    this.finish();
    this.settlePending();
    if (opts.number != null) this.sectionHasNumbered = true;
    this.current = newDraft(text, line, this.category, opts);
  }

  private finish(): void {
    const d = this.current;
    this.current = null;
    if (!d) return;
    const done = finishDraft(d, this.finishContext);
    this.warnings.push(...done.warnings);
    if (done.question) this.out.push(done.question);
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
    if (first && asks(first.text) && this.category !== null) this.promotePending();
    else this.dropPending();
  }

  private dropPending(): void {
    for (const l of this.pending) {
      if (asks(l.text)) this.skip(l.line, l.text, 'it follows text that is not a question before the first numbered question of its section, and is read as part of that preamble');
    }
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
    const end = questionEnd(b.firstLines);
    const text = linesToMarkdown(b.firstLines.slice(0, end));
    if (plainInline(text) === '') {
      // An empty numbered placeholder (`4.` or `1. - Answer` with nothing after) still ends the question before it.
      this.finish();
      return;
    }
    this.numberedQuestion(b.firstRaw.slice(0, end), b.line, b.number);
    const answerLines = linesToMarkdown(b.firstRaw.slice(end), '\n');
    const rest = [answerLines, b.rest].filter((part) => part !== '').join('\n\n');
    if (rest !== '' && this.current) this.itemRest(this.current, rest);
  }

  private numberedQuestion(text: string | string[], line: number, number: number | null): void {
    if (number === 2 && !this.sectionHasNumbered && this.pending.length > 0) {
      this.finish();
      this.promotePending();
    } else {
      this.dropPending();
    }
    this.start(text, line, { number });
  }

  /** What sits under a numbered question inside its list item: an answer, hints, or both. */
  private itemRest(d: Draft, rest: string): void {
    const kept: string[] = [];
    for (const l of rest.split('\n')) {
      const hint = hintPrefixed(l);
      if (hint !== null) d.hints.push(hint);
      else if (kept.every((k) => k.trim() === '') && this.meta(d, l)) continue;
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
    const text = b.firstLines.join(' ');
    // A prompt without a question mark ("Explain a heap") asks only in a list of nothing but prompts;
    // in a list of advice ("Explain simply", "Practice daily") it is advice.
    const asked = asks(text) || (looksLikeQuestion(text) && this.inPromptList());
    // A bullet under a bulleted question is its answer, unless that question is still unanswered and
    // this bullet asks too: then the list is a list of questions.
    if (this.current && !(this.current.fromBullet && !this.current.answerStarted && asked)) return this.answerContent(b);
    if (asked) {
      this.start(b.firstRaw, b.line);
      if (this.current) this.current.fromBullet = true;
      if (b.rest !== '' && this.current) this.itemRest(this.current, b.rest);
    }
  }

  /** The blocks after the current one, without copying them (a file of many boxes would be quadratic). */
  private *blocksAfter(): Generator<Block> {
    for (let i = this.index + 1; i < this.blocks.length; i++) yield this.blocks[i] as Block;
  }

  /** Whether every bullet of the current block's list starts like a question (worked out once per list). */
  private inPromptList(): boolean {
    const seen = this.promptList;
    if (seen && this.index >= seen.from && this.index <= seen.to) return seen.all;
    const isBullet = (x: Block | undefined): x is ItemBlock => x?.kind === 'item' && !x.ordered;
    let from = this.index;
    while (isBullet(this.blocks[from - 1]) && !(this.blocks[from] as ItemBlock).blankBefore) from--;
    let to = from;
    let all = true;
    for (let i = from; i < this.blocks.length; i++) {
      const item = this.blocks[i];
      if (!isBullet(item) || (i > from && item.blankBefore)) break;
      to = i;
      all &&= looksLikeQuestion(item.firstLines.join(' '));
    }
    this.promptList = { from, to, all };
    return all;
  }

  private line(b: LineBlock): void {
    const t = b.text;
    if (t === '' || isInPageLinkLine(t)) return;
    if (this.current && this.meta(this.current, t)) return;
    if (hintPrefixed(t) !== null) return;
    const asked = questionPrefixed(t);
    if (asked !== null) {
      this.start(asked, b.line);
      if (this.current) this.current.marked = true;
      return;
    }
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
    const title = this.titleLine(b);
    if (title !== null) return this.newSection(title, false);
    if (!this.questionList && isTitleShaped(t) && (b.nextIsList || (!b.lastInParagraph && isTitleCased(t)))) {
      return this.newSection(cleanCategory(t), false);
    }
    if (boldQuestion(t, this.legend) !== null) return this.start(t, b.line);
    if (this.boldBank && this.standalone(b) && boldPrompt(t, this.legend)) {
      const where = this.current ? ', so it was kept in the answer above' : '';
      this.skip(b.line, t, `it is bold like the questions here but neither ends with \`?\` nor starts with a question word${where} (end it with \`?\` to ask it)`);
    }
    this.plainLine(b);
  }

  /** `Hint:`, `Tags:`, `Difficulty:` and `Id:` lines under a question. */
  private meta(d: Draft, t: string): boolean {
    const hint = hintPrefixed(t);
    if (hint !== null) {
      d.hints.push(hint);
      d.last = 'hint';
      return true;
    }
    if (d.answerStarted) return false;
    const id = idLine(t);
    if (id !== null) {
      d.id = id;
      return true;
    }
    const tags = tagsLine(t);
    if (tags) d.tags.push(...tags);
    return tags !== null;
  }

  /**
   * `[Storage]`, `STORAGE`, `Storage:` on their own line before a question open a section (and end the
   * question before them, answered or not). A plain title line does so only where answers are marked
   * (`Q:`/`A:`) or no question is open, since elsewhere a short line can be an answer.
   */
  private titleLine(b: LineBlock): string | null {
    if (!this.standalone(b) || !this.nextStartsQuestion()) return null;
    const strong = strongTitle(b.text);
    if (strong !== null) return strong;
    const d = this.current;
    return !this.questionList && (d === null || d.marked) ? plainTitle(b.text) : null;
  }

  private standalone(b: LineBlock): boolean {
    return b.blankBefore || this.prev?.kind !== 'line' || this.prev.lastInParagraph;
  }

  private nextStartsQuestion(): boolean {
    return startsQuestion(this.blocks[this.index + 1], this.legend);
  }

  private plainLine(b: LineBlock): void {
    const d = this.current;
    if (this.questionList) {
      if (d && !b.blankBefore && this.prev?.kind === 'line') return this.attachedToListQuestion(d, b);
      if (d && d.last === 'question' && isElaboration(d.questionLines.join(' '), b.text)) {
        d.hints.push(b.text);
        d.last = 'elaboration';
        return;
      }
      return this.start(b.text, b.line);
    }
    if (d) return this.plainAfterQuestion(d, b);
    if (this.pending.length > 0 || !asks(b.text)) {
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
    if (d.last === 'question' && !b.blankBefore && (isWrapped(d.questionLines, b.text) || codeUnderQuestion(d.questionLines, b.text))) {
      d.questionLines.push(b.text);
      return;
    }
    appendAnswer(d, b.text, b.blankBefore || d.last !== 'answer');
  }

  // ----- content under a question (both readings) -----

  private answerContent(b: Block): void {
    const d = this.current;
    if (!d) return this.outsideQuestions(b);
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

  /** Before the first question (a preamble, a table of contents) nothing is kept; a question there is said. */
  private outsideQuestions(b: Block): void {
    const text = b.kind === 'line' ? b.text : b.kind === 'item' ? b.firstLines.join(' ') : null;
    if (text === null || isInPageLinkLine(text) || !asks(text)) return;
    const why = this.headingMode
      ? 'this file asks its questions in headings and this line is under none (make it a heading to ask it)'
      : 'it comes before any question or section, where a preamble is read and left out';
    this.skip(b.line, text, why);
  }

  private headingModeLine(d: Draft, b: LineBlock): void {
    const t = b.text;
    if (t === '' || isInPageLinkLine(t)) return;
    if (this.meta(d, t)) return;
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
    if (this.details.read(b)) return;
    if (/^\s*<a\s+(?:id|name)=[^>]*>\s*<\/a>\s*$/i.test(b.raw)) return;
    this.answerContent(b);
  }

  /** A link whose address has a space is no link; say where, so the file can be fixed. */
  private checkLinks(b: Block): void {
    const text = b.kind === 'line' ? b.text : b.kind === 'item' ? b.body : b.kind === 'quote' || b.kind === 'heading' || b.kind === 'html' ? b.raw : b.kind === 'content' && b.type !== 'code' ? b.raw : '';
    for (const link of brokenLinks(text)) {
      this.warn(b.line + link.lineOffset, `link "${link.text}" has a space in its address (${link.url}), so it is no link; it is posted as plain text (write the space as %20)`);
    }
  }

  private warn(line: number, message: string): void {
    this.warnings.push({ line, message });
  }

  /** A block that looks like a question and is not taken as one: never silently. */
  private skip(line: number, text: string, why: string): void {
    const plain = plainInline(text).replace(/\s+/g, ' ');
    const shown = plain.length > 60 ? `${plain.slice(0, 59)}…` : plain;
    this.warnings.push({ line, message: `"${shown}" looks like a question but was not read as one: ${why}`, skipped: true });
  }
}
