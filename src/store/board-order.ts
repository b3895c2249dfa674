import type { BoardEntry } from './store.js';

/**
 * Code point order equals UTF-8 byte order, which is how SQLite (BINARY collation)
 * and Redis compare members. Plain `<` on JS strings compares UTF-16 code units
 * and disagrees for characters above U+FFFF.
 */
export function compareMembers(a: string, b: string): number {
  const left = a[Symbol.iterator]();
  const right = b[Symbol.iterator]();
  for (;;) {
    const l = left.next();
    const r = right.next();
    if (l.done === true || r.done === true) return (l.done === true ? 0 : 1) - (r.done === true ? 0 : 1);
    const diff = (l.value.codePointAt(0) ?? 0) - (r.value.codePointAt(0) ?? 0);
    if (diff !== 0) return diff;
  }
}

/** Board order: score descending, then member ascending. */
export function compareEntries(a: BoardEntry, b: BoardEntry): number {
  if (a.score !== b.score) return b.score - a.score;
  return compareMembers(a.member, b.member);
}
