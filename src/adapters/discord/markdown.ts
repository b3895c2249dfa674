import { DISCORD_MESSAGE_LIMIT, render, renderChunks } from '../../bank/render/index.js';

/**
 * Markdown → Discord text, for every reply block. The bank renderer parses and re-serializes (a
 * millisecond or more per call), which would dominate the time to answer an interaction, so:
 * text that no Markdown or Discord construct could change is returned as it is (most of what the
 * engine says: "Recorded: Got it (+3)."), and everything else is rendered once and remembered (a
 * burst of reveals shows the same answer to a thousand people). The plain check is conservative;
 * a test holds it to `render` over the seed bank and the engine's own phrases.
 */
const MEMO_SIZE = 1_000;
const memo = new Map<string, string>();

/** Strong emphasis and code spans that Discord shows exactly as written. */
const SAFE_SPANS = /\*\*(?=[^\s*])[^*\n]*[^\s*]\*\*|`(?=[^\s`])[^`\n]*[^\s`]`|`[^\s`]`/g;
/** What could be markup anywhere in a line, once the safe spans are out. */
const SPECIAL = /[\\_~|<>[\]&`*]|https?:|www\./i;
/** What could start a block: heading, quote, list, thematic break, setext underline, indentation. */
const BLOCK_START = /^(?:[#>+\-=\d]|\s)/;

export function isPlain(markdown: string): boolean {
  if (markdown.includes('\n\n\n') || markdown.includes('\r')) return false;
  for (const line of markdown.split('\n')) {
    if (line === '') continue;
    if (BLOCK_START.test(line) || /\s$/.test(line)) return false;
    if (SPECIAL.test(line.replace(SAFE_SPANS, ''))) return false;
  }
  return !markdown.startsWith('\n') && !markdown.endsWith('\n');
}

export function discordMarkdown(markdown: string): string {
  if (isPlain(markdown)) return markdown;
  const hit = memo.get(markdown);
  if (hit !== undefined) {
    // Refreshed on use, so the map drops the least recently used text first.
    memo.delete(markdown);
    memo.set(markdown, hit);
    return hit;
  }
  const rendered = render(markdown, 'discord');
  memo.set(markdown, rendered);
  if (memo.size > MEMO_SIZE) {
    const oldest = memo.keys().next();
    if (!oldest.done) memo.delete(oldest.value);
  }
  return rendered;
}

/** The same, split into messages; only long text takes the bank splitter's path. */
export function discordChunks(markdown: string): string[] {
  const rendered = discordMarkdown(markdown);
  if (rendered.length <= DISCORD_MESSAGE_LIMIT) return rendered.trim() === '' ? [] : [rendered];
  return renderChunks(markdown, 'discord');
}
