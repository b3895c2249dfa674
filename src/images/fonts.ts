import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Face, covers, parseFaces } from './faces.js';

/** What satori takes as a font. */
export interface SatoriFont {
  name: string;
  data: Buffer;
  weight: 400 | 700;
  style: 'normal';
}

/**
 * Noto Sans in every subset but Devanagari (satori does no shaping, so its conjuncts would come out
 * wrong): Latin with its extensions and Vietnamese, Greek, Cyrillic; about 300 KB for both weights,
 * read once. Noto Sans SC (Han, kana) and KR (all of Hangul; SC has only some syllables) come in about a
 * hundred slices of ~40 KB each (4.7 and 3.4 MB for one weight): a slice is read the first time a name
 * needs it, and kept. CJK is drawn in the regular weight only.
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
interface Located extends Face {
  dir: string;
}

async function facesOf(pkg: string, sheets: readonly string[]): Promise<Located[]> {
  const dir = packageDir(pkg);
  const css = await Promise.all(sheets.map((s) => readFile(path.join(dir, s), 'utf8')));
  return css.flatMap(parseFaces).map((f) => ({ ...f, dir }));
}

/** The fonts a picture needs: the base always, CJK slices only for the characters in it. */
export class FontBook {
  private readonly slices = new Map<Located, Promise<SatoriFont>>();
  /** One array per set of slices: satori keeps its parsed fonts per array, so the same set reuses them. */
  private readonly sets = new Map<string, SatoriFont[]>();
  private readonly where = new Map<number, Located | null>();

  private constructor(
    readonly base: readonly SatoriFont[],
    private readonly baseFaces: readonly Face[],
    /** In the order they are tried: the first family that has a character draws it. */
    private readonly cjkFaces: readonly Located[],
  ) {}

  static async open(): Promise<FontBook> {
    const [latin, ...cjk] = await Promise.all([facesOf(BASE.pkg, BASE.sheets), ...CJK.map((c) => facesOf(c.pkg, c.sheets))]);
    const faces = (latin ?? []).filter((f) => !BASE.skip.test(f.file));
    const base = await Promise.all(faces.map(load));
    return new FontBook(base, faces, cjk.flat());
  }

  /** Every font a text needs; characters no bundled font has are left to satori, which draws nothing for them. */
  async fontsFor(text: string): Promise<SatoriFont[]> {
    const needed = new Set<Located>();
    for (const cp of codePoints(text)) {
      const face = this.sliceFor(cp);
      if (face) needed.add(face);
    }
    if (needed.size === 0) return this.base as SatoriFont[];
    const faces = [...needed].sort((a, b) => a.file.localeCompare(b.file));
    const key = faces.map((f) => f.file).join('|');
    const known = this.sets.get(key);
    if (known) return known;
    const fonts = [...this.base, ...(await Promise.all(faces.map((f) => this.slice(f))))];
    this.sets.set(key, fonts);
    return fonts;
  }

  /**
   * The CJK slice that draws a code point, or null when the base fonts do (or nothing does). Kept per code
   * point: looking through some 250 faces' ranges for every character of a board took a few ms a picture.
   */
  private sliceFor(cp: number): Located | null {
    let face = this.where.get(cp);
    if (face === undefined) {
      face = this.baseFaces.some((f) => covers(f, cp)) ? null : (this.cjkFaces.find((f) => covers(f, cp)) ?? null);
      this.where.set(cp, face);
    }
    return face;
  }

  /** Code points of `text` that no bundled font covers (emoji aside): for tests and the README's claim. */
  uncovered(text: string): number[] {
    return [...codePoints(text)].filter((cp) => !this.baseFaces.some((f) => covers(f, cp)) && !this.cjkFaces.some((f) => covers(f, cp)));
  }

  private slice(face: Located): Promise<SatoriFont> {
    let font = this.slices.get(face);
    if (!font) {
      font = load(face);
      this.slices.set(face, font);
    }
    return font;
  }
}

/**
 * Each slice under its own name: satori keeps one font per name and weight, so slices sharing their
 * family's name would replace each other; under distinct names it falls back from one to the next.
 */
async function load(face: Located): Promise<SatoriFont> {
  return { name: path.basename(face.file, '.woff').replace(/-\d00-normal$/, ''), data: await readFile(path.join(face.dir, face.file)), weight: face.weight, style: 'normal' };
}

/** Code points that need a glyph: not spaces, joiners or variation selectors, and not emoji (drawn as pictures). */
function* codePoints(text: string): Iterable<number> {
  for (const ch of text.replace(EMOJI, '')) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp <= 0x20 || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f)) continue;
    yield cp;
  }
}

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/gu;
