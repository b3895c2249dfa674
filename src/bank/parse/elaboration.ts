import { asks, plainInline } from './lines.js';

/**
 * In a list of questions without answers, a line that tells the person what to cover ("Discuss
 * comparing baseline metrics…, tracking loss curves, and using…") under a question on the same subject
 * is a hint for that question, not a question of its own. Three things together tell it from the next
 * question: it opens with a directive, it lists the points to cover (`a, b, and c`), and it shares a
 * content word with the question above. "Discuss the trade-offs of GPUs vs. TPUs." lists nothing, and
 * stays a question.
 */
const DIRECTIVE = /^(?:discuss|talk about|describe|explain|mention|explore|provide|cover|consider|focus on|include|highlight|touch on|think about|elaborate)\b/i;

const STOP = new Set(
  'what when where which with that this these those have from your they them their there does into about would could should will also such than then were been being some more most other over like used using each very make must much many well only both just same while after before between within without'.split(
    ' ',
  ),
);

export function isElaboration(question: string, line: string): boolean {
  const text = plainInline(line);
  if (asks(text) || !DIRECTIVE.test(text) || !asks(question.replace(/\s*\([^()]*\)\s*$/, ''))) return false;
  if (!/,[^,]+,\s*(?:and|or)\s|,\s*(?:and|or)\s[^,]+,/.test(text) && (text.match(/,/g)?.length ?? 0) < 2) return false;
  const asked = stems(question);
  const body = text.replace(DIRECTIVE, '');
  return [...stems(body)].some((s) => asked.has(s));
}

/** Content words without their endings and cut to five letters, so "tuning" meets "tuned" and "evaluation" meets "evaluate". */
function stems(text: string): Set<string> {
  const words = plainInline(text)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u);
  return new Set(words.filter((w) => w.length >= 4 && !STOP.has(w)).map((w) => w.replace(/(?:ations?|ing|ed|es|e|s)$/, '').slice(0, 5)));
}
