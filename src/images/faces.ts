/**
 * Fontsource's stylesheets as data: each `@font-face` names a file and the code points it holds
 * (`unicode-range`), which is how a family split into slices (Noto Sans SC has about a hundred) says where
 * a character lives. Parsing the CSS the package ships, rather than keeping a copy of its ranges, keeps the
 * two in step across package updates.
 */
export interface Face {
  family: string;
  weight: 400 | 700;
  /**
   * The `.woff2` file, relative to the package folder. fontkit unpacks a WOFF2 font once when it reads it;
   * a WOFF font it inflates again on every glyph outline it reads (about 1 ms a glyph).
   */
  file: string;
  /** Inclusive code point ranges, ascending. */
  ranges: [number, number][];
}

const FACE = /@font-face\s*{([^}]*)}/g;

export function parseFaces(css: string): Face[] {
  const faces: Face[] = [];
  for (const [, body = ''] of css.matchAll(FACE)) {
    const family = /font-family:\s*'([^']+)'/.exec(body)?.[1];
    const weight = Number(/font-weight:\s*(\d+)/.exec(body)?.[1]);
    const file = /url\((\.\/files\/[^)]+\.woff2)\)\s*format\('woff2'\)/.exec(body)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1];
    if (!family || !file || !range || (weight !== 400 && weight !== 700)) continue;
    faces.push({ family, weight, file, ranges: parseRanges(range) });
  }
  return faces;
}

/** `U+0460-052F,U+20B4` → [[0x460, 0x52f], [0x20b4, 0x20b4]]. */
export function parseRanges(text: string): [number, number][] {
  return text
    .split(',')
    .map((part) => /^\s*U\+([0-9a-f]+)(?:-([0-9a-f]+))?\s*$/i.exec(part))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m): [number, number] => [parseInt(m[1] ?? '0', 16), parseInt(m[2] ?? m[1] ?? '0', 16)])
    .sort((a, b) => a[0] - b[0]);
}

export function covers(face: Face, codePoint: number): boolean {
  let lo = 0;
  let hi = face.ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [start, end] = face.ranges[mid] ?? [0, -1];
    if (codePoint < start) hi = mid - 1;
    else if (codePoint > end) lo = mid + 1;
    else return true;
  }
  return false;
}
