import type { RawQuestion } from '../bank/parse/draft.js';
import { DIFFICULTIES, type Difficulty } from '../bank/types.js';

/**
 * Questions packed into three typed arrays: the text of every string that fits one byte per character
 * (Latin-1, so all ASCII), the text of the others as UTF-16, and numbers saying where each string starts
 * and how the questions are laid out. Why not plain objects:
 * - the arrays cross from the parse worker to the main thread by transfer, not by structured clone, and
 *   go to and from the cache as they are: no object graph is built, walked or parsed on the main thread;
 * - unpacked, each string is a slice of one large string per array (V8 keeps a slice as a small view on
 *   its parent). A large string lives outside the young generation, so the collector never copies the
 *   bank's text around while it loads: on 100,000 questions the copies cost pauses of 50–140 ms each and
 *   a third of a restart. Nothing else is in those parents, so a slice pins only text the bank keeps.
 * - a string that is all ASCII stays one byte per character even when its file has emoji elsewhere.
 * Short strings (sections, tags, paths) are stored once and unpacked to one shared string.
 */
export interface Packed {
  one: Uint8Array;
  two: Uint8Array;
  nums: Int32Array;
}

const SHARED_MAX = 256;
const TWO_BYTE = /[^\x00-\xff]/;

export class PackWriter {
  private readonly one: string[] = [];
  private oneLength = 0;
  private readonly two: string[] = [];
  private twoLength = 0;
  private readonly nums: number[] = [];
  private readonly shared = new Map<string, number>();

  num(n: number): void {
    this.nums.push(n);
  }

  /** A string as two numbers: its start (negative, minus one, in the UTF-16 text) and its length; null is length -1. */
  str(s: string | null): void {
    if (s === null) return void this.nums.push(0, -1);
    const known = s.length <= SHARED_MAX ? this.shared.get(s) : undefined;
    if (known !== undefined) return void this.nums.push(known, s.length);
    let start: number;
    if (TWO_BYTE.test(s)) {
      start = -1 - this.twoLength;
      this.two.push(s);
      this.twoLength += s.length;
    } else {
      start = this.oneLength;
      this.one.push(s);
      this.oneLength += s.length;
    }
    if (s.length <= SHARED_MAX) this.shared.set(s, start);
    this.nums.push(start, s.length);
  }

  strings(list: readonly string[]): void {
    this.num(list.length);
    for (const s of list) this.str(s);
  }

  finish(): Packed {
    return {
      one: new Uint8Array(Buffer.from(this.one.join(''), 'latin1')),
      two: new Uint8Array(Buffer.from(this.two.join(''), 'utf16le')),
      nums: Int32Array.from(this.nums),
    };
  }
}

export class PackReader {
  private readonly one: string;
  private readonly two: string;
  private at = 0;
  private readonly shared = new Map<number, string>();

  constructor(private readonly packed: Packed) {
    this.one = Buffer.from(packed.one.buffer, packed.one.byteOffset, packed.one.byteLength).toString('latin1');
    this.two = Buffer.from(packed.two.buffer, packed.two.byteOffset, packed.two.byteLength).toString('utf16le');
  }

  done(): boolean {
    return this.at >= this.packed.nums.length;
  }

  num(): number {
    const n = this.packed.nums[this.at++];
    if (n === undefined) throw new PackError('the numbers end early');
    return n;
  }

  str(): string | null {
    const start = this.num();
    const length = this.num();
    if (length === -1) return null;
    const cached = length <= SHARED_MAX ? this.shared.get(start) : undefined;
    if (cached !== undefined) return cached;
    const [text, from] = start >= 0 ? [this.one, start] : [this.two, -1 - start];
    if (length < 0 || from + length > text.length) throw new PackError('a string lies outside the text');
    const s = text.slice(from, from + length);
    if (length <= SHARED_MAX) this.shared.set(start, s);
    return s;
  }

  text(): string {
    const s = this.str();
    if (s === null) throw new PackError('a string is missing');
    return s;
  }

  strings(): string[] {
    const n = this.num();
    if (n === 0) return NONE;
    if (n < 0 || n > this.packed.nums.length) throw new PackError('a list has a bad length');
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(this.text());
    return out;
  }
}

/**
 * The one empty list every unpacked question without hints or tags shares (most have no tags): two
 * arrays less per question. Frozen, so code that pushed onto a question's list would fail loudly
 * rather than give every question the item; nothing does (merging makes new lists).
 */
const NONE = Object.freeze([]) as unknown as string[];

/** Thrown by a reader on numbers that do not describe a pack (a damaged cache entry): the caller treats it as a miss. */
export class PackError extends Error {}

export function difficultyCode(d: Difficulty | null): number {
  return d === null ? -1 : DIFFICULTIES.indexOf(d);
}

export function difficultyOf(code: number): Difficulty | null {
  if (code === -1) return null;
  const d = DIFFICULTIES[code];
  if (d === undefined) throw new PackError('an unknown difficulty');
  return d;
}

/** A file's questions as the worker parsed them, each with `key`, the merge key of its words (see questionId). */
export interface KeyedQuestion extends RawQuestion {
  key: string;
}

export function packQuestions(questions: readonly KeyedQuestion[]): Packed {
  const w = new PackWriter();
  for (const q of questions) {
    w.str(q.key);
    w.str(q.question);
    w.str(q.answer);
    w.strings(q.hints);
    w.strings(q.tags);
    w.num(difficultyCode(q.difficulty));
    w.str(q.id);
    w.str(q.category);
    w.num(q.line);
    // Options last: -1 when the question carries none (nearly all), else the right one's index, then the list.
    w.num(q.choices && q.correct !== undefined ? q.correct : -1);
    if (q.choices && q.correct !== undefined) w.strings(q.choices);
    w.strings(q.accept ?? []);
    w.str(q.suggestedBy ?? null);
  }
  return w.finish();
}

/** Throws PackError when the arrays do not describe questions. */
export function unpackQuestions(packed: Packed): KeyedQuestion[] {
  const r = new PackReader(packed);
  const out: KeyedQuestion[] = [];
  while (!r.done()) {
    const key = r.text();
    const question = r.text();
    const answer = r.str();
    const hints = r.strings();
    const tags = r.strings();
    const difficulty = difficultyOf(r.num());
    const id = r.str();
    const category = r.str();
    const line = r.num();
    const correct = r.num();
    const q: KeyedQuestion = { key, question, answer, hints, tags, difficulty, id, category, line };
    if (correct >= 0) {
      q.choices = r.strings();
      if (correct >= q.choices.length) throw new PackError('a right choice lies outside its options');
      q.correct = correct;
    }
    const accept = r.strings();
    if (accept.length > 0) q.accept = accept;
    const suggestedBy = r.str();
    if (suggestedBy !== null) q.suggestedBy = suggestedBy;
    out.push(q);
  }
  return out;
}
