import { levelOf } from './difficulty.js';
import { cleanCategory } from './headings.js';
import { boldOnly, isTitleCased, isTitleShaped, plainInline } from './lines.js';

/**
 * Section titles written as lines rather than headings: `[Storage]`, `STORAGE BASICS`, `Storage:`.
 * Returns the category name, or null. Whether the line really opens a section also depends on what
 * follows it (a question), which the extractor checks.
 */
export function strongTitle(line: string): string | null {
  const t = (boldOnly(line) ?? line).trim();
  return bracketed(t) ?? allCaps(t) ?? colonEnded(t);
}

/** `Reinforcement Learning`: a title only where a person could not read it as an answer either. */
export function plainTitle(line: string): string | null {
  const t = (boldOnly(line) ?? line).trim();
  // All capitals are read by allCaps, which asks more of a title than this.
  return isTitleShaped(t) && isTitleCased(t) && /\p{Ll}/u.test(t) ? cleanCategory(t) : null;
}

function bracketed(t: string): string | null {
  const m = /^\[([^[\]]{1,60})\]$/.exec(t);
  const inner = m?.[1]?.trim() ?? '';
  // Not a footnote, a callout, a checkbox or a difficulty.
  if (inner === '' || /^[!^]/.test(inner) || !/\p{L}{2}/u.test(inner) || levelOf(inner)) return null;
  return cleanCategory(inner) || null;
}

function allCaps(t: string): string | null {
  const plain = plainInline(t);
  if (plain.length > 60 || /\p{Ll}/u.test(plain) || /[?？.!;,]$/.test(plain)) return null;
  const words = plain.split(/\s+/).filter((w) => /\p{Lu}/u.test(w));
  // "YES" or "TRUE" alone could be an answer; a title has two words or one long one.
  if (words.length === 0 || words.length > 8 || (words.length === 1 && (words[0]?.length ?? 0) < 5)) return null;
  return cleanCategory(plain) || null;
}

function colonEnded(t: string): string | null {
  const m = /^(.{1,60}?)\s*:$/.exec(plainInline(t));
  const inner = m?.[1] ?? '';
  if (inner === '' || !isTitleShaped(inner)) return null;
  if (inner.split(/\s+/).length > 2 && !isTitleCased(inner)) return null;
  return cleanCategory(inner) || null;
}
