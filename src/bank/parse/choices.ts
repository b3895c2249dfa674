/**
 * A question that carries its own choices: lettered options (`A) …`, `A. …`, `(a) …`, also bulleted or
 * bold `**B.** …`) or GFM task items (`- [ ] …` / `- [x] …`), with the right one named by a key line
 * (`Answer: B`, `**Answer:** B`, `Correct: b`, a lone `B` left by an `A:` marker), a ✅ on the option or
 * the one ticked box. A lettered list with no key and no ✅ is an ordinary answer that happens to list
 * things, and stays one: the key is what makes it a quiz.
 *
 * Numbered options (`1)`, `1.`, `(1)`) count only with a key line that names a number (`Answer: 2`): a
 * numbered list is the commonest shape of an ordinary answer, so no ✅, tick, lone number or repeated
 * option turns one into options. Such a question is asked with letters like any other (the answer reads
 * `**B.** …`), since the buttons are lettered.
 *
 * The options may sit in the answer (heading banks, `Q:`/`A:`) or have been read as lines of the question
 * (a wrapped list under a numbered question). Either way the question keeps its stem (and any lines
 * between it and the options, such as code the options refer to), and the answer becomes the right
 * option, lettered, followed by whatever explanation the author wrote after the options.
 */

export interface ChoiceReading {
  question: string;
  answer: string;
  /** Inline Markdown, as written, markers off. */
  choices: string[];
  correct: number;
}

export type ChoiceResult = { kind: 'none' } | { kind: 'choices'; reading: ChoiceReading } | { kind: 'warning'; message: string };

/** A–H: more options than this are no quiz question any chat shows as buttons. */
const MAX_OPTIONS = 8;
const LETTERS = 'abcdefgh';

const OPTION = /^(?:[-*+]\s+)?(?:\*\*|__)?(?:\(([a-h])\)|([a-h])[.)])(?:\*\*|__)?\s+(\S.*)$/i;
const TASK = /^[-*+]\s+\[([ xX])\]\s+(\S.*)$/;
const TICK = /\s*(?:✅|✔️|✔)\s*$/u;
/** `Answer: B`, `**Answer:** (b)`, `Correct answer - C.`, `Key: a`; what follows the letter is explanation. */
const KEY =
  /^(?:[-*+]\s+)?(?:\*\*|__)?(?:answer|ans|correct(?:\s+(?:answer|option|choice))?|right\s+answer|key)(?:\s*(?:\*\*|__))?\s*[:\-–—]\s*(?:\*\*|__)?\s*(?:\(([a-h])\)|([a-h])(?=$|[.):,;*_]|\s+[-–—]))[.):,;]?(?:\*\*|__)?[.):,;]?\s*(.*)$/i;
const NUMBERED = /^(?:[-*+]\s+)?(?:\*\*|__)?(?:\(([1-8])\)|([1-8])[.)])(?:\*\*|__)?\s+(\S.*)$/;
/** `Answer: 2`, `**Answer:** (2)`: the only key a numbered list takes. */
const NUMBERED_KEY =
  /^(?:[-*+]\s+)?(?:\*\*|__)?(?:answer|ans|correct(?:\s+(?:answer|option|choice))?|right\s+answer|key)(?:\s*(?:\*\*|__))?\s*[:\-–—]\s*(?:\*\*|__)?\s*(?:\(([1-9])\)|([1-9])(?=$|[.):,;*_]|\s+[-–—]))[.):,;]?(?:\*\*|__)?[.):,;]?\s*(.*)$/i;
/** An `A:` / `Answer:` marker the reader took off leaves the letter alone on its line. */
const LONE_KEY = /^(?:\*\*|__)?(?:\(([a-h])\)|([a-h])[.)]?)(?:\*\*|__)?()$/i;

interface Option {
  text: string;
  ticked: boolean;
  checked: boolean | null;
}

interface Run {
  /** Line indices, in the joined lines, of the first option and one past the last. */
  from: number;
  to: number;
  options: Option[];
  task: boolean;
  /** `1)` / `1.` options: settled by a numbered key line only. */
  numbered: boolean;
}

/** A first option anywhere (`A)`, `(a)`, `- [ ]`): most questions have none, and one scan says so. */
const ANY_FIRST_OPTION = /\n\s*(?:(?:[-*+]\s+)?(?:\*\*|__)?(?:\(a\)|a[.)]|\(1\)|1[.)])(?:\*\*|__)?|[-*+]\s+\[[ xX]\])\s/i;

export function readChoices(question: string, answer: string): ChoiceResult {
  if (!ANY_FIRST_OPTION.test(`${question}\n${answer}`)) return { kind: 'none' };
  const questionLines = question.split('\n');
  const lines = answer === '' ? questionLines : [...questionLines, '', ...answer.split('\n')];
  // The first line is the stem; options start under it.
  for (let i = 1; i < lines.length; i++) {
    const run = optionRun(lines, i);
    if (run) return settle(lines, run);
  }
  return { kind: 'none' };
}

function optionRun(lines: readonly string[], from: number): Run | null {
  const first = lines[from] ?? '';
  const task = TASK.test(first);
  const numbered = !task && numberOf(first) === 0;
  if (!task && !numbered && letterOf(first) !== 0) return null;
  const indexOf = numbered ? numberOf : letterOf;
  const options: Option[] = [];
  let to = from;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const option = task ? taskOption(line) : indexOf(line) === options.length && options.length < MAX_OPTIONS ? markedOption(line, numbered ? NUMBERED : OPTION) : null;
    if (option) {
      options.push(option);
      to = i + 1;
      continue;
    }
    const last = options[options.length - 1];
    // A wrapped option (its next line indented, as under a task item) carries on; a blank line may part options.
    if (last && i === to && /^\s+\S/.test(line) && KEY.exec(line.trim()) === null && NUMBERED_KEY.exec(line.trim()) === null) {
      last.text = `${last.text} ${line.trim()}`.replace(TICK, '');
      last.ticked ||= TICK.test(line);
      to = i + 1;
      continue;
    }
    if (line.trim() === '') continue;
    break;
  }
  return options.length >= 2 ? { from, to, options, task, numbered } : null;
}

function numberOf(line: string): number {
  const m = NUMBERED.exec(line.trim());
  return m ? Number(m[1] ?? m[2]) - 1 : -1;
}

function letterOf(line: string): number {
  const m = OPTION.exec(line.trim());
  return m ? LETTERS.indexOf((m[1] ?? m[2] ?? '').toLowerCase()) : -1;
}

function letteredOption(line: string): Option | null {
  return markedOption(line, OPTION);
}

/** An option after its marker (`B)`, `(b)`, `2.`), a ✅ at its end taken off and noted. */
function markedOption(line: string, marker: RegExp): Option | null {
  const m = marker.exec(line.trim());
  if (!m) return null;
  const raw = m[3] ?? '';
  return { text: raw.replace(TICK, '').trim(), ticked: TICK.test(raw), checked: null };
}

function taskOption(line: string): Option | null {
  const m = TASK.exec(line);
  if (!m) return null;
  const raw = m[2] ?? '';
  return { text: raw.replace(TICK, '').trim(), ticked: TICK.test(raw), checked: m[1] !== ' ' };
}

/** Which option is right, from the key, the ✅ or the ticked box; anything contradictory is said, not guessed. */
function settle(lines: readonly string[], run: Run): ChoiceResult {
  if (run.numbered) return settleNumbered(lines, run);
  const after = lines.slice(run.to);
  const keyAt = keyLine(after, run.options);
  const keyed = keyAt === null ? null : keyOf(after[keyAt] ?? '');
  const ticks = indices(run.options, (o) => o.ticked);
  const checks = indices(run.options, (o) => o.checked === true);
  const named = [...new Set([keyed?.index, ticks.length === 1 ? ticks[0] : undefined, checks.length === 1 ? checks[0] : undefined].filter((x) => x !== undefined))];
  if (named.length === 0 && ticks.length < 2 && checks.length < 2) return { kind: 'none' };
  const n = run.options.length;
  if (keyed && keyed.index >= n)
    return warning(`the key names ${keyed.letter.toUpperCase()} but there are only ${n} options (A–${LETTERS[n - 1]?.toUpperCase()}); read as a plain answer`);
  if (ticks.length > 1 || checks.length > 1) return warning('more than one option is marked right (a question here has one right choice); read as a plain answer');
  if (named.length > 1) return warning(`the key and the marked option disagree (${named.map((i) => LETTERS[i]?.toUpperCase()).join(' vs ')}); read as a plain answer`);
  return reading(lines, run, named[0] as number, keyAt, keyed?.rest ?? '');
}

/** Numbered options: right only by a key line naming a number (`Answer: 2`); without one, an ordinary answer. */
function settleNumbered(lines: readonly string[], run: Run): ChoiceResult {
  const after = lines.slice(run.to);
  const keyAt = after.findIndex((l) => NUMBERED_KEY.test(l.trim()));
  if (keyAt < 0) return { kind: 'none' };
  const m = NUMBERED_KEY.exec((after[keyAt] ?? '').trim());
  const index = Number(m?.[1] ?? m?.[2]) - 1;
  const n = run.options.length;
  if (index >= n) return warning(`the key names ${index + 1} but there are only ${n} options (1–${n}); read as a plain answer`);
  return reading(lines, run, index, keyAt, (m?.[3] ?? '').replace(/^[-–—:]\s*/, '').trim());
}

/** The question as read: its stem, the options, and the answer as the right option (lettered) and any explanation. */
function reading(lines: readonly string[], run: Run, correct: number, keyAt: number | null, keyRest: string): ChoiceResult {
  const after = lines.slice(run.to);
  const choices = run.options.map((o) => o.text);
  const stem = lines.slice(0, run.from).join('\n').trim();
  const explanation = [...after.slice(0, keyAt ?? after.length), ...(keyAt === null ? [] : [keyRest]), ...after.slice((keyAt ?? after.length) + 1)];
  const right = choices[correct] ?? '';
  const said = explanation.join('\n').trim();
  const rest = sameText(said, right) ? '' : said;
  const answer = `**${LETTERS[correct]?.toUpperCase()}.** ${right}${rest === '' ? '' : `\n\n${rest}`}`;
  return { kind: 'choices', reading: { question: stem, answer, choices, correct } };
}

/**
 * The first line after the options that names a key: a key line anywhere, or, right after them, what an
 * `A:` / `Answer:` marker the reader took off leaves: a lone letter, or one option repeated (`A. Redis`).
 */
function keyLine(after: readonly string[], options: readonly Option[]): number | null {
  const firstText = after.findIndex((l) => l.trim() !== '');
  for (let i = 0; i < after.length; i++) {
    const t = (after[i] ?? '').trim();
    if (KEY.test(t) || (i === firstText && (LONE_KEY.test(t) || repeatsOption(t, options)))) return i;
  }
  return null;
}

function repeatsOption(line: string, options: readonly Option[]): boolean {
  const option = options[letterOf(line)];
  return option !== undefined && sameText(letteredOption(line)?.text ?? '', option.text);
}

function keyOf(line: string): { index: number; letter: string; rest: string } | null {
  const t = line.trim();
  const m = KEY.exec(t) ?? LONE_KEY.exec(t) ?? repeated(t);
  if (!m) return null;
  const letter = (m[1] ?? m[2] ?? '').toLowerCase();
  return { index: LETTERS.indexOf(letter), letter, rest: (m[3] ?? '').replace(/^[-–—:]\s*/, '').trim() };
}

/** A repeated option as a key match: its letter, and nothing to explain (the text is the option's). */
function repeated(line: string): (string | undefined)[] | null {
  const m = OPTION.exec(line);
  return m ? [line, m[1], m[2], ''] : null;
}

function indices(options: readonly Option[], test: (o: Option) => boolean): number[] {
  return options.flatMap((o, i) => (test(o) ? [i] : []));
}

/** "Answer: B. Adam" repeats the option; only words that add to it are explanation. */
function sameText(a: string, b: string): boolean {
  const fold = (s: string) =>
    s
      .replace(/[*_`]/g, '')
      .replace(/[.\s]+$/, '')
      .trim()
      .toLowerCase();
  return fold(a) === fold(b);
}

function warning(message: string): ChoiceResult {
  return { kind: 'warning', message };
}
