import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { packageDir } from './fonts.js';
import { loadResvg, svgToPng } from './resvg.js';

/**
 * Twemoji are drawn once into a PNG this many pixels square (twice the largest emoji in a picture, the
 * 38 px medals) and kept: handed over as SVG, resvg parsed and drew every emoji's vector art again in every
 * picture, a third of the drawing time of a board.
 */
export const EMOJI_PIXELS = 76;

/**
 * Colour emoji as Twemoji's SVGs (the set Discord draws), placed in a line as pictures 1 em square: a
 * colour emoji font would need a renderer for its colour tables. Files are read and drawn when first
 * needed and kept.
 */
export class EmojiBook {
  private readonly dir = packageDir('@twemoji/svg');
  private readonly known = new Map<string, Promise<string | null>>();

  /** Grapheme → `data:` address of its picture, for every emoji in `text` that Twemoji draws. */
  async imagesFor(text: string): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    if (!ANY_EMOJI.test(text)) return out;
    // Only lines with an emoji in them are split into graphemes: the segmenter is slow on a whole board.
    const lines = text.split('\n').filter((line) => ANY_EMOJI.test(line));
    const graphemes = new Set(lines.flatMap((line) => [...SEGMENTER.segment(line)].map((s) => s.segment).filter(isEmoji)));
    await Promise.all(
      [...graphemes].map(async (g) => {
        const uri = await this.image(g);
        if (uri) out[g] = uri;
      }),
    );
    return out;
  }

  private image(grapheme: string): Promise<string | null> {
    let found = this.known.get(grapheme);
    if (!found) {
      found = this.read(grapheme);
      this.known.set(grapheme, found);
    }
    return found;
  }

  private async read(grapheme: string): Promise<string | null> {
    for (const name of fileNames(grapheme)) {
      const svg = await readFile(path.join(this.dir, `${name}.svg`)).catch(() => null);
      // Not under this spelling, the next one may be: Twemoji drops U+FE0F except inside ZWJ sequences.
      if (!svg) continue;
      await loadResvg();
      const png = svgToPng(svg, { fitTo: { mode: 'width', value: EMOJI_PIXELS } });
      return `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
    }
    return null;
  }
}

const SEGMENTER = new Intl.Segmenter('en', { granularity: 'grapheme' });

const ANY_EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;

export function isEmoji(grapheme: string): boolean {
  return ANY_EMOJI.test(grapheme);
}

/** Twemoji's file names for a grapheme, most likely first: hex code points joined by `-`. */
export function fileNames(grapheme: string): string[] {
  const hex = (s: string) => [...s].map((c) => (c.codePointAt(0) ?? 0).toString(16)).join('-');
  const withoutVs = grapheme.replace(/\ufe0f/g, '');
  const names = grapheme.includes('\u200d') ? [hex(grapheme), hex(withoutVs)] : [hex(withoutVs), hex(grapheme)];
  return [...new Set(names)];
}
