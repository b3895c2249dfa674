import type { Difficulty } from '../types.js';

/**
 * Difficulty as banks write it: a word (`easy`, `Intermediate`, `[hard]`) or an emoji after the
 * question (`👶`, `⭐️`, `🚀`), with a legend line in the file (`👶 easy · ⭐️ medium · 🚀 hard`) saying
 * what its emoji mean.
 */
const WORDS: Record<string, Difficulty> = {
  easy: 'easy',
  beginner: 'easy',
  basic: 'easy',
  simple: 'easy',
  medium: 'medium',
  intermediate: 'medium',
  moderate: 'medium',
  hard: 'hard',
  advanced: 'hard',
  expert: 'hard',
  difficult: 'hard',
};

export function levelOf(word: string): Difficulty | null {
  return WORDS[word.trim().toLowerCase()] ?? null;
}

/** Emoji (as written, variation selectors dropped) → level. */
export type DifficultyLegend = ReadonlyMap<string, Difficulty>;

/** Used when a file has no legend: the markers people use without explaining them. */
export const DEFAULT_LEGEND: DifficultyLegend = new Map<string, Difficulty>([
  ['👶', 'easy'],
  ['🟢', 'easy'],
  ['⭐', 'medium'],
  ['🟡', 'medium'],
  ['🚀', 'hard'],
  ['🔴', 'hard'],
]);

/** A run of emoji, with the joiners and variation selectors that build one glyph. */
export const EMOJI_RUN = '(?:\\p{Extended_Pictographic}(?:\\uFE0F|\\u200D\\p{Extended_Pictographic})*)+';
const LEVEL_WORD = `(?:${Object.keys(WORDS).join('|')})`;
const PAIR = new RegExp(`(${EMOJI_RUN})\\s*(?:[=:\\-–—→]|means|is)?\\s*\\(?(${LEVEL_WORD})\\b\\)?|\\b(${LEVEL_WORD})\\)?\\s*[=:\\-–—→]?\\s*(${EMOJI_RUN})`, 'giu');

export function emojiKey(run: string): string {
  return run.replace(/\uFE0F/g, '');
}

/**
 * Finds legend lines: two or more emoji–level pairs on one line, or a line holding nothing but one pair
 * (a legend written as a list). Returns the mapping and the lines, which are never questions or answers.
 */
export function readLegend(lines: Iterable<{ line: number; text: string }>): { legend: DifficultyLegend; lines: Set<number> } {
  const legend = new Map(DEFAULT_LEGEND);
  const found = new Set<number>();
  for (const { line, text } of lines) {
    // Most lines are ASCII, and the ASCII test is much cheaper than the emoji one.
    if (!/[^\x00-\x7f]/.test(text) || !/\p{Extended_Pictographic}/u.test(text)) continue;
    const pairs = [...text.matchAll(PAIR)];
    if (pairs.length === 0) continue;
    const rest = text.replace(PAIR, '').replace(/^\s*(?:[-*+]|\d+[.)])?\s*(?:\*\*|__)?(?:legend|key|difficulty|levels?)?(?:\*\*|__)?\s*[:\-–—]?/i, '');
    if (pairs.length < 2 && /[\p{L}\p{N}]/u.test(rest)) continue;
    for (const m of pairs) {
      const run = m[1] ?? m[4] ?? '';
      const level = levelOf(m[2] ?? m[3] ?? '');
      if (level) legend.set(emojiKey(run), level);
    }
    found.add(line);
  }
  return { legend, lines: found };
}

/** The level a trailing or leading emoji run stands for: the run itself, or one of a repeated emoji. */
export function emojiLevel(run: string, legend: DifficultyLegend): Difficulty | null {
  const key = emojiKey(run);
  const whole = legend.get(key);
  if (whole) return whole;
  const glyphs = [...new Set(key.match(/\p{Extended_Pictographic}(?:\u200D\p{Extended_Pictographic})*/gu) ?? [])];
  return glyphs.length === 1 ? (legend.get(glyphs[0] ?? '') ?? null) : null;
}
