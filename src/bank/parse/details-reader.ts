import type { Block } from './blocks.js';
import { type DetailsToken, detailsBalance, detailsTokens, htmlToText, isAnswerLabel } from './details.js';
import { type Draft, appendAnswer } from './draft.js';
import { boldOnly } from './lines.js';

type HtmlBlock = Extract<Block, { kind: 'html' }>;

/** What the reader needs from the extractor it reads for. */
export interface DetailsHost {
  current(): Draft | null;
  start(text: string, line: number): void;
  finish(): void;
  warn(line: number, message: string): void;
  /** HTML of the block that sits outside every box. */
  outside(block: HtmlBlock): void;
  /** The blocks after the one being read. */
  following(): Iterable<Block>;
}

/**
 * `<details><summary>Question</summary> answer </details>`, as one block or spread over several, with
 * boxes nested inside an answer kept in that answer (their summary in bold) and an `Answer` box under
 * a question read as its answer. A box that is never closed ends at the next box that asks a question.
 */
export class DetailsReader {
  private depth = 0;
  /** The depth of the box whose summary is the current question, and the line it opened on. */
  private questionDepth: number | null = null;
  private questionLine: number | null = null;
  private nestedAreQuestions = false;
  private openedAt: number | null = null;

  constructor(private readonly host: DetailsHost) {}

  /** Inside a box: what follows belongs to the current question's answer. */
  get open(): boolean {
    return this.depth > 0;
  }

  /** Reads a block of HTML; false when it holds no `<details>` or `<summary>` at all. */
  read(b: HtmlBlock): boolean {
    const tokens = detailsTokens(b.raw);
    if (tokens.every((t) => t.kind === 'text')) return false;
    for (const token of tokens) this.token(token, b);
    return true;
  }

  /** A heading ends every box; one that holds a question and was never closed is said. */
  closeAll(): void {
    this.depth = 0;
    this.closeQuestion();
  }

  private token(token: DetailsToken, b: HtmlBlock): void {
    switch (token.kind) {
      case 'open':
        if (this.depth === 0) this.nestedAreQuestions = !this.closesBeforeNextSection(b.raw.slice(token.offset));
        this.depth++;
        this.openedAt = b.line + lineOffset(b.raw, token.offset);
        return;
      case 'summary':
        return this.summary(token.text, this.openedAt ?? b.line);
      case 'close':
        if (this.depth === 0) return;
        if (this.depth === this.questionDepth) {
          this.questionDepth = null;
          this.questionLine = null;
          this.host.finish();
        }
        this.depth--;
        return;
      case 'text': {
        const markdown = htmlToText(token.html, true);
        if (markdown === '') return;
        const d = this.host.current();
        if (this.depth === 0) return this.host.outside({ ...b, raw: token.html.trim() });
        if (d) appendAnswer(d, markdown, true);
        return;
      }
    }
  }

  /** A summary asks the question, labels the answer box of the question above, or titles a nested box. */
  private summary(text: string, line: number): void {
    const d = this.host.current();
    const inQuestion = this.questionDepth !== null;
    if ((inQuestion && !this.nestedAreQuestions) || (!inQuestion && d && isAnswerLabel(text))) {
      if (d && !isAnswerLabel(text)) appendAnswer(d, boldOnly(text) === null ? `**${text}**` : text, true);
      return;
    }
    if (inQuestion) this.closeQuestion();
    this.host.start(text, line);
    this.questionDepth = this.depth;
    this.questionLine = line;
  }

  /** Whether the box opening here is closed before the next heading (else it never is). */
  private closesBeforeNextSection(rest: string): boolean {
    let balance = detailsBalance(rest);
    if (balance <= 0) return true;
    for (const b of this.host.following()) {
      if (b.kind === 'heading') return false;
      if (b.kind === 'html') balance += detailsBalance(b.raw);
      if (balance <= 0) return true;
    }
    return false;
  }

  private closeQuestion(): void {
    if (this.questionDepth === null) return;
    this.host.warn(this.questionLine ?? 1, '`<details>` is never closed; its answer ends at the next question or section');
    this.questionDepth = null;
    this.questionLine = null;
    this.host.finish();
  }
}

function lineOffset(raw: string, offset: number): number {
  let n = 0;
  for (let i = raw.indexOf('\n'); i >= 0 && i < offset; i = raw.indexOf('\n', i + 1)) n++;
  return n;
}
