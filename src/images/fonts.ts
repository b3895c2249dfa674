import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { type Face, covers, parseFaces } from './faces.js';

export type Weight = 400 | 700;

/**
 * Noto Sans in every subset but Devanagari (its conjuncts need fonts and shaping rules we do not ship):
 * Latin with its extensions and Vietnamese, Greek, Cyrillic; about 300 KB for both weights.
 * Noto Sans SC (Han, kana) and KR (all of Hangul; SC has only some syllables) come in about a hundred
 * slices of ~40 KB each (4.7 and 3.4 MB for one weight): a slice is read the first time a name needs it,
 * and kept. CJK is drawn in the regular weight only.
 */
const BASE = { pkg: '@fontsource/noto-sans', sheets: ['400.css', '700.css'], skip: /devanagari/ };
const CJK = [
  { pkg: '@fontsource/noto-sans-sc', sheets: ['400.css'] },
  { pkg: '@fontsource/noto-sans-kr', sheets: ['400.css'] },
];

const require = createRequire(import.meta.url);

export function packageDir(pkg: string): string {
  return path.dirname(require.resolve(`${pkg}/package.json`));
}

/** A face with the folder its file is in. */
export interface Located extends Face {
  dir: string;
}

/** A face read and parsed: what the typesetter shapes with. */
export interface LoadedFace {
  face: Located;
  font: fontkit.Font;
  /** Names the face in caches: a small number, in the order faces were read. */
  index: number;
}

async function facesOf(pkg: string, sheets: readonly string[]): Promise<Located[]> {
  const dir = packageDir(pkg);
  const css = await Promise.all(sheets.map((s) => readFile(path.join(dir, s), 'utf8')));
  return css.flatMap(parseFaces).map((f) => ({ ...f, dir }));
}

/**
 * Which font draws a character, and that font parsed. A face (a base subset, a CJK slice) is read the
 * first time a text needs it (`need`), then kept. Lookups after `need` are synchronous, so a picture is
 * laid out without awaiting anything per word.
 */
export class FontBook {
  private readonly loaded = new Map<Located, LoadedFace>();
  private readonly loading = new Map<Located, Promise<LoadedFace>>();
  /** Per code point and weight, the faces whose ranges claim it: looking through some 250 faces per character took ms a picture. */
  private readonly claims = new Map<number, Located[]>();
  /** Per code point and weight, the face that has its glyph, once `need` has looked. */
  private readonly chosen = new Map<number, LoadedFace | null>();

  private constructor(
    private readonly baseFaces: readonly Located[],
    /** In the order they are tried: the first family that has a character draws it. */
    private readonly cjkFaces: readonly Located[],
  ) {}

  static async open(): Promise<FontBook> {
    const [latin, ...cjk] = await Promise.all([facesOf(BASE.pkg, BASE.sheets), ...CJK.map((c) => facesOf(c.pkg, c.sheets))]);
    return new FontBook(
      (latin ?? []).filter((f) => !BASE.skip.test(f.file)),
      cjk.flat(),
    );
  }

  /**
   * Reads every slice `text` needs that is not read yet. A slice's `unicode-range` can claim a character
   * its font has no glyph for (Noto Sans SC lists Hangul syllables it lacks), so the candidates are read
   * in order until one has it.
   */
  async need(text: string): Promise<void> {
    const pending: Promise<unknown>[] = [];
    // 'A' for the line metrics (`primary`).
    for (const cp of new Set(codePoints(`A${text}`))) {
      for (const weight of [400, 700] as const) {
        if (this.chosen.has(key(cp, weight))) continue;
        pending.push(this.choose(cp, weight));
      }
    }
    await Promise.all(pending);
  }

  /** The parsed face that draws `cp` in `weight` (CJK only in 400); null when none does, or `need` was not awaited for it. */
  fontFor(cp: number, weight: Weight): LoadedFace | null {
    return this.chosen.get(key(cp, weight)) ?? null;
  }

  /** The Latin face of a weight, for the line's metrics (every base face has the same ascent and descent); read by any `need`. */
  primary(weight: Weight): LoadedFace {
    const loaded = this.fontFor(0x41, weight);
    if (!loaded) throw new Error('FontBook: no Latin font was read yet (await need() first)');
    return loaded;
  }

  /** Code points of `text` that no bundled font covers (emoji aside): for tests and the README's claim. */
  uncovered(text: string): number[] {
    return [...codePoints(text)].filter((cp) => this.candidates(cp, 400).length === 0);
  }

  /** How many CJK slices `text` needs (at least: a slice without the glyph sends the look-up on to the next): for tests. */
  slicesFor(text: string): number {
    const first = [...codePoints(text)].map((cp) => this.candidates(cp, 400)[0]);
    return new Set(first.filter((f) => f !== undefined && this.cjkFaces.includes(f))).size;
  }

  /** Faces whose ranges claim `cp`, in the order they are tried. */
  private candidates(cp: number, weight: Weight): Located[] {
    const k = key(cp, weight);
    let faces = this.claims.get(k);
    if (!faces) {
      faces = [...this.baseFaces.filter((f) => f.weight === weight && covers(f, cp)), ...this.cjkFaces.filter((f) => covers(f, cp))];
      this.claims.set(k, faces);
    }
    return faces;
  }

  private async choose(cp: number, weight: Weight): Promise<void> {
    let found: LoadedFace | null = null;
    for (const face of this.candidates(cp, weight)) {
      const loaded = await this.load(face);
      if (loaded.font.hasGlyphForCodePoint(cp)) {
        found = loaded;
        break;
      }
    }
    this.chosen.set(key(cp, weight), found);
  }

  private load(face: Located): Promise<LoadedFace> {
    let loading = this.loading.get(face);
    if (!loading) {
      loading = readFile(path.join(face.dir, face.file)).then((data) => {
        const font = fontkit.create(data);
        if (!('layout' in font)) throw new Error(`FontBook: ${face.file} is a font collection`);
        const loaded = { face, font, index: this.loaded.size };
        this.loaded.set(face, loaded);
        return loaded;
      });
      this.loading.set(face, loading);
    }
    return loading;
  }
}

function key(cp: number, weight: Weight): number {
  return cp * 2 + (weight === 700 ? 1 : 0);
}

/** Code points that need a glyph (spaces too: their advance): not control characters, joiners or variation selectors, and not emoji (drawn as pictures). */
function* codePoints(text: string): Iterable<number> {
  for (const ch of text.replace(EMOJI, '')) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x20 || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f)) continue;
    yield cp;
  }
}

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/gu;
