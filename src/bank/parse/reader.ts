import type { Difficulty } from '../types.js';
import type { Block } from './blocks.js';
import { ANSWER_CALLOUTS, HINT_CALLOUTS, calloutAsQuote } from './callouts.js';
import { DetailsReader } from './details-reader.js';
import { type DifficultyLegend, levelOf } from './difficulty.js';
import { type Draft, type RawQuestion, appendAnswer, newDraft } from './draft.js';
import { type ExtractWarning, type FinishContext, finishDraft } from './finish.js';
import { cleanCategory } from './headings.js';
import { brokenLinks } from './links.js';
import { acceptLine, answerPrefixed, asks, hintPrefixed, idLine, isInPageLinkLine, plainInline, suggestedByLine, tagsLine } from './lines.js';
import { codeUnderQuestion, isWrapped, itemMarkdown, splitTags } from './shape-checks.js';

export type LineBlock = Extract<Block, { kind: 'line' }>;
export type ItemBlock = Extract<Block, { kind: 'item' }>;

export interface ExtractDefaults {
  /** From front matter: the category until a section says otherwise, and tags every question gets. */
  category?: string | null;
  tags?: string[];
  difficulty?: Difficulty | null;
}

/** Which named rule took a block (see line-rules.ts, item-rules.ts); for tests and for finding out why. */
export type RuleTrace = (rule: string, line: number) => void;

export interface ReaderSetup {
  defaults: ExtractDefaults;
  legend: DifficultyLegend;
  /** The legend's own lines, which are neither questions nor answers. */
  legendLines: ReadonlySet<number>;
  /** Questions are headings here (see heading-bank.ts); lines and lists are answer content. */
  headingBank: boolean;
  /** Bold lines ask the questions here, so a bold line that does not ask is worth a warning. */
  boldBank: boolean;
  trace?: RuleTrace;
}

/**
 * What both readings share: the question being read, the section it is in, and what becomes of a
 * block under a question. The heading reading (heading-bank.ts) and the list reading (line-rules.ts,
 * item-rules.ts) decide where questions start; this holds them and everything under them.
 */
export class BankReader {
  readonly out: RawQuestion[] = [];
  readonly warnings: ExtractWarning[] = [];
  readonly legend: DifficultyLegend;
  readonly legendLines: ReadonlySet<number>;
  readonly headingBank: boolean;
  readonly boldBank: boolean;
  readonly trace: RuleTrace | undefined;
  private readonly finishContext: FinishContext;
  category: string | null;
  /** In a titled list (`Questions on fine tuning:`) every line is a question or belongs to one. */
  questionList = false;
  current: Draft | null = null;
  /** Lines after a section title before any numbered question: a first, unnumbered question may be in them. */
  pending: LineBlock[] = [];
  sectionHasNumbered = false;
  readonly details = new DetailsReader({
    current: () => this.current,
    start: (text, line) => this.start(text, line),
    finish: () => this.finish(),
    warn: (line, message) => this.warn(line, message),
    outside: (block) => this.answerContent(block),
    following: () => this.blocksAfter(),
  });
  /** The block being read, and the one before it. */
  index = 0;
  prev: Block | undefined;
  /** The bullet list last asked about by inPromptList (item-rules.ts), worked out once per list. */
  promptList: { from: number; to: number; all: boolean } | null = null;

  constructor(
    readonly blocks: Block[],
    setup: ReaderSetup,
  ) {
    this.category = setup.defaults.category ?? null;
    this.legend = setup.legend;
    this.legendLines = setup.legendLines;
    this.headingBank = setup.headingBank;
    this.boldBank = setup.boldBank;
    this.trace = setup.trace;
    this.finishContext = { legend: this.legend, tags: setup.defaults.tags ?? [], difficulty: setup.defaults.difficulty ?? null };
  }

  // ----- sections and questions -----

  newSection(category: string, questionList: boolean): void {
    this.finish();
    this.settlePending();
    this.category = category === '' ? this.category : category;
    this.questionList = questionList;
    this.sectionHasNumbered = false;
  }

  start(text: string | string[], line: number, opts: { number?: number | null; headingDepth?: number | null } = {}): void {
    this.finish();
    this.settlePending();
    if (opts.number != null) this.sectionHasNumbered = true;
    this.current = newDraft(text, line, this.category, opts);
  }

  finish(): void {
    const d = this.current;
    this.current = null;
    if (!d) return;
    const done = finishDraft(d, this.finishContext);
    this.warnings.push(...done.warnings);
    if (done.question) this.out.push(done.question);
  }

  /** A numbered question; number 2 with lines pending means the section's first question was unnumbered. */
  numberedQuestion(text: string | string[], line: number, number: number | null): void {
    if (number === 2 && !this.sectionHasNumbered && this.pending.length > 0) {
      this.finish();
      this.promotePending();
    } else {
      this.dropPending();
    }
    this.start(text, line, { number });
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
  settlePending(): void {
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

  /** A plain line under a question: the question wrapped onto it, code the question shows, or answer. */
  plainAfterQuestion(d: Draft, b: LineBlock): void {
    if (d.last === 'question' && !b.blankBefore && (isWrapped(d.questionLines, b.text) || codeUnderQuestion(d.questionLines, b.text))) {
      d.questionLines.push(b.text);
      return;
    }
    appendAnswer(d, b.text, b.blankBefore || d.last !== 'answer');
  }

  /** `Hint:`, `Tags:`, `Difficulty:`, `Id:` and `Suggested-by:` lines under a question. */
  meta(d: Draft, t: string): boolean {
    const hint = hintPrefixed(t);
    if (hint !== null) {
      d.hints.push(hint);
      d.last = 'hint';
      return true;
    }
    // Aliases usually follow the answer they stand beside, so they are taken after it too.
    const accept = acceptLine(t);
    if (accept !== null) {
      d.accept.push(...accept);
      return true;
    }
    if (d.answerStarted) return false;
    const id = idLine(t);
    if (id !== null) {
      d.id = id;
      return true;
    }
    const by = suggestedByLine(t);
    if (by !== null) {
      d.suggestedBy = by;
      return true;
    }
    const tags = tagsLine(t);
    if (tags) d.tags.push(...tags);
    return tags !== null;
  }

  // ----- blocks of both readings -----

  /** A table with Question and Answer columns: one question per row. */
  qaTable(b: Extract<Block, { kind: 'qa-table' }>): void {
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

  /** `<details><summary>Q</summary>A</details>`, anchors, or HTML inside an answer. */
  html(b: Extract<Block, { kind: 'html' }>): void {
    if (this.details.read(b)) return;
    if (/^\s*<a\s+(?:id|name)=[^>]*>\s*<\/a>\s*$/i.test(b.raw)) return;
    this.answerContent(b);
  }

  /** Any block under a question is part of it; before the first question it is left out. */
  answerContent(b: Block): void {
    const d = this.current;
    if (!d) return this.outsideQuestions(b);
    switch (b.kind) {
      case 'line':
        return this.lineUnderQuestion(d, b);
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
    const why = this.headingBank
      ? 'this file asks its questions in headings and this line is under none (make it a heading to ask it)'
      : 'it comes before any question or section, where a preamble is read and left out';
    this.skip(b.line, text, why);
  }

  /** A line in a question's answer (every line of a heading bank, lines inside a box in a list bank). */
  private lineUnderQuestion(d: Draft, b: LineBlock): void {
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

  // ----- where we are, and what is said -----

  /** The blocks after the current one, without copying them (a file of many boxes would be quadratic). */
  *blocksAfter(): Generator<Block> {
    for (let i = this.index + 1; i < this.blocks.length; i++) yield this.blocks[i] as Block;
  }

  /** A link whose address has a space is no link; say where, so the file can be fixed. */
  checkLinks(b: Block): void {
    const text =
      b.kind === 'line'
        ? b.text
        : b.kind === 'item'
          ? b.body
          : b.kind === 'quote' || b.kind === 'heading' || b.kind === 'html'
            ? b.raw
            : b.kind === 'content' && b.type !== 'code'
              ? b.raw
              : '';
    for (const link of brokenLinks(text)) {
      this.warn(b.line + link.lineOffset, `link "${link.text}" has a space in its address (${link.url}), so it is no link; it is posted as plain text (write the space as %20)`);
    }
  }

  warn(line: number, message: string): void {
    this.warnings.push({ line, message });
  }

  /** A block that looks like a question and is not taken as one: never silently. */
  skip(line: number, text: string, why: string): void {
    const plain = plainInline(text).replace(/\s+/g, ' ');
    const shown = plain.length > 60 ? `${plain.slice(0, 59)}…` : plain;
    this.warnings.push({ line, message: `"${shown}" looks like a question but was not read as one: ${why}`, skipped: true });
  }
}
