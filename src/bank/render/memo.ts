/**
 * A least-recently-used memo bounded by the total length it holds. Rendering parses and re-serializes
 * (milliseconds per call; slackify-markdown builds a fresh pipeline every time), while a bot renders the
 * same texts over and over: one answer revealed to every reactor, the same help, the same grade replies.
 */
export class RenderMemo {
  private readonly entries = new Map<string, string>();
  private chars = 0;

  constructor(private readonly maxChars: number) {}

  get(key: string, make: () => string): string {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Map order is insertion order: re-inserting a hit makes the first entry the least recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = make();
    const size = key.length + value.length;
    if (size > this.maxChars / 4) return value;
    this.entries.set(key, value);
    this.chars += size;
    for (const [oldKey, old] of this.entries) {
      if (this.chars <= this.maxChars) break;
      this.entries.delete(oldKey);
      this.chars -= oldKey.length + old.length;
    }
    return value;
  }
}
