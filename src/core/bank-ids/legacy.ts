import type { Question } from '../../bank/types.js';
import { idOfNormalized, questionId } from '../../bank/ids.js';
import { plainInline } from '../../bank/parse/lines.js';
import type { KnownQuestion } from './record.js';

/**
 * The ids Recall gave before it kept a record of known questions and before it folded numbering and
 * contractions into ids ("What's X?" was "what s x"): a store that already holds history but no record
 * was written by that version, so its grades and rotation name questions by these ids.
 */
function legacyId(markdown: string): string {
  return idOfNormalized(
    plainInline(markdown)
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim(),
  );
}

/**
 * The questions whose id that version made differs from today's, as that version knew them. Questions
 * with an explicit `Id:` are left out: it wins, and a stray old entry could be taken for an edit.
 */
export function legacyKnownQuestions(questions: readonly Question[]): KnownQuestion[] {
  return questions.flatMap((q) => {
    if (q.id !== questionId(q.question)) return [];
    const id = legacyId(q.question);
    return id === q.id ? [] : [{ id, text: q.question }];
  });
}
