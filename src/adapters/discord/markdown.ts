import { render, renderChunks } from '../../bank/render/index.js';
import { DISCORD_MESSAGE_LIMIT, discordFlavour } from './markdown-flavour.js';

/**
 * Markdown → Discord text, for every reply block. Text that no Markdown or Discord construct could
 * change is returned as it is (most of what the engine says: "Recorded: Got it (+3)."), which spares
 * even the bank renderer's memo lookup on the path that answers an interaction; everything else goes
 * through the bank renderer, which remembers repeats. The plain check is conservative; a test holds it
 * to `render` over the seed bank and the engine's own phrases.
 */

/** Strong emphasis and code spans that Discord shows exactly as written. */
const SAFE_SPANS = /\*\*(?=[^\s*])[^*\n]*[^\s*]\*\*|`(?=[^\s`])[^`\n]*[^\s`]`|`[^\s`]`/g;
/** What could be markup (or `$math$`) anywhere in a line, once the safe spans are out. */
const SPECIAL = /[\\_~|<>[\]&`*$]|https?:|www\./i;
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
  return isPlain(markdown) ? markdown : render(markdown, discordFlavour);
}

/** The same, split into messages; only long text takes the bank splitter's path. */
export function discordChunks(markdown: string): string[] {
  const rendered = discordMarkdown(markdown);
  if (rendered.length <= DISCORD_MESSAGE_LIMIT) return rendered.trim() === '' ? [] : [rendered];
  return renderChunks(markdown, discordFlavour);
}
