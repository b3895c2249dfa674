import { render, renderChunks } from '../../bank/render/index.js';

/**
 * Markdown → Slack mrkdwn, remembered. The bank's Slack renderer goes through slackify-markdown, which
 * builds a fresh unified pipeline on every call (about 10 ms for even a short line on a small box);
 * Recall renders the same texts over and over (one answer revealed to every reactor, the same help,
 * the same grade replies), so a bounded LRU keeps repeats free and bounds memory by total length.
 */
const MAX_CHARS = 4_000_000;
const cache = new Map<string, readonly string[]>();
let cachedChars = 0;

/** The rendered text cut at Slack's 3000-character section limit. */
export function mrkdwnChunks(markdown: string): readonly string[] {
  return remember(`c\u0000${markdown}`, () => renderChunks(markdown, 'slack'));
}

/** The rendered text in one piece (context lines and fields, which are clipped instead). */
export function mrkdwn(markdown: string): string {
  return remember(`w\u0000${markdown}`, () => [render(markdown, 'slack')])[0] ?? '';
}

function remember(key: string, make: () => readonly string[]): readonly string[] {
  const hit = cache.get(key);
  if (hit) {
    // Map order is insertion order: moving a hit to the end makes the first entry the least recently used.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const value = make();
  const size = key.length + value.reduce((n, s) => n + s.length, 0);
  if (size > MAX_CHARS / 4) return value;
  cache.set(key, value);
  cachedChars += size;
  for (const [oldKey, old] of cache) {
    if (cachedChars <= MAX_CHARS) break;
    cache.delete(oldKey);
    cachedChars -= oldKey.length + old.reduce((n, s) => n + s.length, 0);
  }
  return value;
}
