import type { Difficulty, Question } from './types.js';

/**
 * What the search index is given of a question: its words (kept only while they are indexed, the index
 * stores no text) and what a search filter looks at. Plain data, so it crosses to a worker thread as is.
 */
export interface IndexDoc {
  id: string;
  question: string;
  /** The answer's words: link targets and bare URLs left out, and cut at ANSWER_CAP characters. */
  answer: string;
  category: string | null;
  tags: string[];
  difficulty: Difficulty | null;
  answered: boolean;
}

/**
 * How much of an answer is indexed. A long answer's first few hundred words say what it is about; the
 * rest (pasted articles, long code) would cost a posting per word per question and mostly add noise.
 * About 300 words of prose.
 */
export const ANSWER_CAP = 2_000;

/** `[text](target)` keeps its text; `<https://…>` and bare URLs go (their words are hosts and paths, not the topic). */
const LINK_TARGET = /\]\([^)\s]*(?:\s+"[^"]*")?\)/g;
const BARE_URL = /<?\bhttps?:\/\/[^\s<>)]+>?/g;

export function indexDoc(q: Question): IndexDoc {
  return { id: q.id, question: q.question, answer: answerWords(q.answer), category: q.category, tags: q.tags, difficulty: q.difficulty, answered: q.answer !== null };
}

function answerWords(answer: string | null): string {
  if (answer === null) return '';
  let text = answer.length > ANSWER_CAP ? cutAtWord(answer, ANSWER_CAP) : answer;
  if (text.includes('://') || text.includes('](')) text = text.replace(LINK_TARGET, ']').replace(BARE_URL, ' ');
  return text;
}

/** The text up to `max` characters, not ending inside a word. */
function cutAtWord(text: string, max: number): string {
  const space = text.lastIndexOf(' ', max);
  return text.slice(0, space > max / 2 ? space : max);
}

/** Whether two versions of a question read the same to the index (words and what filters look at). */
export function sameForIndex(a: Question, b: Question): boolean {
  if (a === b) return true;
  return (
    a.question === b.question &&
    a.answer === b.answer &&
    a.category === b.category &&
    a.difficulty === b.difficulty &&
    a.tags.length === b.tags.length &&
    a.tags.every((t, i) => t === b.tags[i])
  );
}

export interface IndexChanges {
  /** Questions to add, or to replace when the index has their id. */
  upsert: IndexDoc[];
  remove: string[];
}

export interface UpdateCounts {
  added: number;
  replaced: number;
  removed: number;
}

/** Questions compared between two turns of the event loop while an update is worked out. */
const DIFF_SLICE = 2_500;

/**
 * What an index built over `previous` needs to match `next`: only the questions added, changed or gone.
 * Worked out in slices, `pause` between them (a turn of the event loop in the bot).
 */
export async function indexChanges(previous: readonly Question[], next: readonly Question[], pause: () => Promise<void>): Promise<{ changes: IndexChanges; counts: UpdateCounts }> {
  const old = new Map<string, Question>();
  for (let i = 0; i < previous.length; i++) {
    const q = previous[i] as Question;
    old.set(q.id, q);
    if (i % (DIFF_SLICE * 4) === DIFF_SLICE * 4 - 1) await pause();
  }
  const changes: IndexChanges = { upsert: [], remove: [] };
  const counts: UpdateCounts = { added: 0, replaced: 0, removed: 0 };
  const seen = new Set<string>();
  for (let i = 0; i < next.length; i++) {
    const q = next[i] as Question;
    if (seen.has(q.id)) continue;
    seen.add(q.id);
    const before = old.get(q.id);
    if (!before) {
      changes.upsert.push(indexDoc(q));
      counts.added++;
    } else if (!sameForIndex(before, q)) {
      changes.upsert.push(indexDoc(q));
      counts.replaced++;
    }
    if (i % DIFF_SLICE === DIFF_SLICE - 1) await pause();
  }
  let looked = 0;
  for (const id of old.keys()) {
    if (!seen.has(id)) {
      changes.remove.push(id);
      counts.removed++;
    }
    if (++looked % (DIFF_SLICE * 4) === 0) await pause();
  }
  return { changes, counts };
}
