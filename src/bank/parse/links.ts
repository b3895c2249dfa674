/**
 * `[text](https://host/a b.png)`: a space ends a link's address, so CommonMark reads no link at all and
 * chat clients show the brackets, half a URL and the rest. A title in quotes (`[a](url "title")`) is fine.
 */
const SPACED_LINK = /!?\[([^\]\n]*)\]\(<?((?:https?:\/\/|www\.)[^\s)>]*)>?[ \t]+(?!["'(])([^)\n]*)\)/g;

export interface BrokenLink {
  /** 0-based line within the text. */
  lineOffset: number;
  text: string;
  url: string;
}

export function brokenLinks(markdown: string): BrokenLink[] {
  if (!markdown.includes('](')) return [];
  const found: BrokenLink[] = [];
  for (const m of markdown.matchAll(SPACED_LINK)) {
    const before = markdown.slice(0, m.index ?? 0);
    found.push({ lineOffset: before.split('\n').length - 1, text: m[1] ?? '', url: `${m[2] ?? ''} ${(m[3] ?? '').trim()}` });
  }
  return found;
}
