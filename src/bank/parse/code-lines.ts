import { answerPrefixed, hintPrefixed } from './lines.js';

/**
 * Code pasted into a question or answer as ordinary lines (`a = [1,2,3]`, `print(a is b)`): posted as
 * a code block, since chat platforms would otherwise run it together as prose (or bold it, in a question).
 */
const ASSIGNMENT = /^[A-Za-z_$][\w.$]*(?:\[[^\]]*\])*\s*(?:[-+*/%&|^@]|\*\*|\/\/|<<|>>)?=(?!=)/;
const CALL_STATEMENT = /^(?:await\s+|return\s+)?[A-Za-z_$][\w.$]*\(.*\)\s*;?$/;
const KEYWORD_STATEMENT =
  /^(?:def\s+\w+\s*\(|class\s+\w+.*:$|import\s+[\w.]+|from\s+[\w.]+\s+import\b|(?:for|while|if|elif|with)\s.*:$|else\s*:$|try\s*:$|except\b.*:$|return\b|yield\b|lambda\b|(?:const|let|var)\s+\w+\s*=|function\s+\w+\s*\(|@\w+)/;
const BRACES = /[{};]\s*$|^\s*[{}]/;
const REPL = /^(?:>>>|\.\.\.|\$|In \[\d+\]:)\s/;

export function isCodeLine(line: string): boolean {
  const t = line.trim();
  if (t === '' || /[?？]$/.test(t)) return false;
  return REPL.test(t) || ASSIGNMENT.test(t) || CALL_STATEMENT.test(t) || KEYWORD_STATEMENT.test(t) || BRACES.test(t);
}

/** A sentence, even inside a snippet: starts with a capital, has a few words and closes with punctuation. */
function isSentence(line: string): boolean {
  const t = line.trim();
  return /[?？]$/.test(t) || (/^\p{Lu}/u.test(t) && t.split(/\s+/).length >= 4 && /[.!:]$/.test(t));
}

/** `Answer: …`, `my ans - …`, `Hint: …` end a snippet. */
function isMarker(line: string): boolean {
  return answerPrefixed(line) !== null || hintPrefixed(line) !== null;
}

/** "What does this print?", "the following code", "this snippet": the code under it is part of the question. */
export function refersToCode(line: string): boolean {
  return /\b(?:this|these|following|below|above|snippet|code|output|print|prints|return|returns)\b/i.test(line);
}

/**
 * Lines as Markdown: prose lines are joined (with a space when an editor wrapped them, or kept on their
 * lines), and each run of code lines, from its first code line up to the next sentence, becomes a fenced
 * block. Lines keep their own indentation inside the block.
 */
export function linesToMarkdown(lines: string[], proseJoin: ' ' | '\n' = ' '): string {
  const parts: { code: boolean; lines: string[] }[] = [];
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (line.trim() === '') continue;
    const last = parts[parts.length - 1];
    const code = last?.code ? !isSentence(line) && !isMarker(line) : isCodeLine(line);
    if (last && last.code === code) last.lines.push(code ? line : line.trim());
    else parts.push({ code, lines: [code ? line : line.trim()] });
  }
  return parts.map((p) => (p.code ? fence(p.lines) : p.lines.join(proseJoin))).join('\n\n');
}

function fence(lines: string[]): string {
  const indent = Math.min(...lines.map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0));
  const body = lines.map((l) => l.slice(indent)).join('\n');
  const ticks = '`'.repeat(Math.max(3, ...[...body.matchAll(/`{3,}/g)].map((m) => m[0].length + 1)));
  return `${ticks}\n${body}\n${ticks}`;
}

/** How many lines from `from` on are a run of code (0 when that line is not code). */
export function codeRunLength(lines: string[], from: number): number {
  let end = from;
  if (end >= lines.length || !isCodeLine(lines[end] ?? '')) return 0;
  end++;
  while (end < lines.length && (lines[end] ?? '').trim() !== '' && !isSentence(lines[end] ?? '') && !isMarker(lines[end] ?? '')) end++;
  return end - from;
}
