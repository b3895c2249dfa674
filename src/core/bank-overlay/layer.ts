import { readChoices } from '../../bank/parse/choices.js';
import { acceptLine } from '../../bank/parse/lines.js';
import type { Question } from '../../bank/types.js';
import { isEmptyOverlay } from './record.js';
import type { AddedRecord, BankEntry, OverlayRecord, QuestionFields } from './types.js';

/**
 * The overlay made ready to serve over one loaded bank. Only the questions the overlay touches are held
 * here; every other lookup falls through to the loaded bank's own map, so a change costs work in
 * proportion to the overlay, not the bank (the full list is made only when asked for, once per change).
 */
export interface Layer {
  record: OverlayRecord;
  /** Served versions of overridden questions and of additions, hidden ones included. */
  changed: Map<string, Question>;
  /** The question before its override, for overridden ones. */
  originals: Map<string, Question>;
  /** Additions the files do not (yet) have, in the order they were added. */
  added: Question[];
  addedRecords: Map<string, AddedRecord>;
  /**
   * File questions that are an exported override committed while the original is still in its file: the
   * export gives the copy the original's `Id:`, which the original's own id (made from its words) keeps,
   * so the copy loads under the id its new words make. It is the override, already served under the
   * original's id: left out rather than served twice.
   */
  shadowed: Set<string>;
  empty: boolean;
}

export function compileLayer(record: OverlayRecord, files: ReadonlyMap<string, Question>): Layer {
  const changed = new Map<string, Question>();
  const originals = new Map<string, Question>();
  const added: Question[] = [];
  const addedRecords = new Map<string, AddedRecord>();
  for (const a of record.added) {
    // A file question with the same id (an exported addition, committed) takes its place.
    if (files.has(a.id) || addedRecords.has(a.id)) continue;
    const q = addedQuestion(a);
    added.push(q);
    addedRecords.set(a.id, a);
    changed.set(a.id, q);
  }
  for (const [id, o] of Object.entries(record.overrides)) {
    const before = changed.get(id) ?? files.get(id);
    // An override of a question no longer loaded waits in the record for it to come back.
    if (!before) continue;
    originals.set(id, before);
    changed.set(id, withFields(before, o.fields));
  }
  return { record, changed, originals, added, addedRecords, shadowed: exportedCopies(originals, changed, files), empty: isEmptyOverlay(record) };
}

/** The served question with `id`, hidden ones included; undefined when neither files nor overlay have it. */
export function lookupQuestion(layer: Layer, files: ReadonlyMap<string, Question>, id: string): Question | undefined {
  return layer.changed.get(id) ?? files.get(id);
}

/** Not served: hidden by an admin, or an exported copy of an override (see Layer.shadowed). */
export function isHidden(layer: Layer, id: string): boolean {
  return Object.hasOwn(layer.record.hidden, id) || layer.shadowed.has(id);
}

/** One pass over the files, and only when an override rewords a question (the only case a copy loads apart). */
function exportedCopies(originals: ReadonlyMap<string, Question>, changed: ReadonlyMap<string, Question>, files: ReadonlyMap<string, Question>): Set<string> {
  const reworded = new Map<string, string>();
  for (const [id, before] of originals) {
    const now = changed.get(id);
    if (now && now.question !== before.question && files.has(id)) reworded.set(now.question, id);
  }
  const shadowed = new Set<string>();
  if (reworded.size === 0) return shadowed;
  for (const q of files.values()) {
    const of = reworded.get(q.question);
    if (of !== undefined && of !== q.id) shadowed.add(q.id);
  }
  return shadowed;
}

/** Every served question, in bank order, additions last; hidden ones left out. */
export function servedQuestions(layer: Layer, files: readonly Question[]): Question[] {
  if (layer.empty) return files as Question[];
  const out: Question[] = [];
  for (const q of files) if (!isHidden(layer, q.id)) out.push(layer.changed.get(q.id) ?? q);
  for (const q of layer.added) if (!isHidden(layer, q.id)) out.push(layer.changed.get(q.id) ?? q);
  return out;
}

export function entryOf(layer: Layer, question: Question): BankEntry {
  const id = question.id;
  return {
    question,
    original: layer.originals.get(id) ?? null,
    override: layer.record.overrides[id] ?? null,
    hidden: layer.record.hidden[id] ?? null,
    added: layer.addedRecords.get(id) ?? null,
  };
}

/** Every question the overlay touches and the bank has: added, overridden or hidden. */
export function touchedIds(layer: Layer): string[] {
  return [...new Set([...layer.added.map((q) => q.id), ...Object.keys(layer.record.overrides), ...Object.keys(layer.record.hidden)])];
}

function addedQuestion(a: AddedRecord): Question {
  return {
    id: a.id,
    question: a.question,
    answer: a.answer,
    hints: a.hints,
    category: a.category,
    tags: withLevel(a.tags, a.difficulty),
    difficulty: a.difficulty,
    sources: [],
    suggestedBy: a.suggestedBy,
  };
}

export function withFields(q: Question, f: QuestionFields): Question {
  const difficulty = f.difficulty !== undefined ? f.difficulty : q.difficulty;
  const edited: Question = {
    ...q,
    question: f.question ?? q.question,
    answer: f.answer !== undefined ? f.answer : q.answer,
    category: f.category !== undefined ? f.category : q.category,
    tags: withLevel(f.tags ?? q.tags, difficulty),
    difficulty,
  };
  return f.answer !== undefined && f.answer !== q.answer ? withChoicesOfAnswer(edited) : edited;
}

/**
 * The file's options and right one, and its `Accept:` aliases, belong to the answer that named them: a
 * new answer drops them, so a stale right option never shows and an old alias never counts as right,
 * unless the new answer carries its own (options with an `Answer: C` key, `Accept:` lines, read as the
 * loader reads a file), which then take their place.
 */
function withChoicesOfAnswer(q: Question): Question {
  const { choices: _choices, correct: _correct, accept: _accept, ...plain } = q;
  const lines = (q.answer ?? '').split('\n').map((text) => ({ text, accept: acceptLine(text.replace(/^\s*[-*+]\s+/, '')) }));
  const accept = lines.flatMap((l) => l.accept ?? []);
  const answer =
    accept.length > 0
      ? lines
          .filter((l) => l.accept === null)
          .map((l) => l.text)
          .join('\n')
          .trim()
      : (q.answer ?? '');
  const withAccept: Question = accept.length > 0 ? { ...plain, answer, accept: [...new Set(accept)] } : plain;
  const read = readChoices(withAccept.question, answer);
  if (read.kind !== 'choices') return withAccept;
  const { question, choices, correct } = read.reading;
  return { ...withAccept, question, answer: read.reading.answer, choices, correct };
}

/** The level is one of a question's tags, as the loader makes it, so tag filters see it. */
function withLevel(tags: readonly string[], level: string | null): string[] {
  return level === null || tags.some((t) => t.toLowerCase() === level) ? [...tags] : [...tags, level];
}
