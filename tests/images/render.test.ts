import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BoardPicture, TEAM_COLOURS, teamColour } from '../../src/core/images.js';
import { COMPACT, LAYOUT, NAME_WIDTH, oneLine, pictureHeight } from '../../src/images/leaderboard.js';
import type { BoardRenderer } from '../../src/images/render.js';
import { rasterize, svgToPng } from '../../src/images/resvg.js';
import { Typesetter } from '../../src/images/typeset.js';
import { repoRoot } from '../helpers/bank.js';
import { PNG_SIGNATURE, pngSize, sharedRenderer } from './helpers.js';

/** Names in the scripts the bundled fonts cover, and emoji, as people type them. */
const NAMES = ['Ada Lovelace', 'Дмитрий Менделеев', '李小龙', 'さくら', '김민준', 'Zoë Ψηφίο', 'Nguyễn Thị Ánh', '🦊 Fox 🚀', '🇺🇦 Оксана', 'Bob'];

const board = (names: readonly string[], extra: Partial<BoardPicture> = {}): BoardPicture => ({
  title: 'People · week 48, 2026 (23 Nov – 29 Nov)',
  subtitle: 'You: #4 with 28 points',
  empty: 'Nobody has points this week.',
  rows: names.map((name, i) => ({
    rank: i + 1,
    name,
    points: 40 - i * 4,
    colour: teamColour(`t${(i % 4) + 1}`),
    ...(i % 3 === 0 ? { detail: 'Owls' } : {}),
    movement: [2, -1, 0, undefined][i % 4],
    ...(i === 3 ? { own: true } : {}),
  })),
  ...extra,
});

/** The words of a board's SVG made with text kept as text: one `<text>` per line of a box, in order. */
const wordsOf = (svg: string): string =>
  [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)]
    .map((m) => m[1] ?? '')
    .join('')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

let r: BoardRenderer;
beforeAll(async () => {
  r = await sharedRenderer();
}, 60_000);

describe('board pictures: fontkit outlines + resvg with the bundled fonts', () => {
  it('draws a PNG 800 px wide, as tall as its rows', async () => {
    for (const rows of [NAMES, NAMES.slice(0, 3)]) {
      const png = await r.leaderboard(board(rows));
      expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
      expect(pngSize(png)).toEqual({ width: LAYOUT.width, height: pictureHeight(board(rows)) });
    }
    expect(pictureHeight(board(NAMES))).toBeGreaterThan(pictureHeight(board(NAMES.slice(0, 3))));
  });

  it('draws a long board in two columns of compact rows, every name and points on it', async () => {
    const many = Array.from({ length: 50 }, (_, i) => `${NAMES[i % NAMES.length]} ${i + 1}`);
    const long = board(many);
    const png = await r.leaderboard(long);
    expect(pngSize(png)).toEqual({ width: LAYOUT.width, height: LAYOUT.headerWithSubtitle + 25 * (COMPACT.row + COMPACT.gap) + LAYOUT.padding });
    expect(pictureHeight(long)).toBe(pngSize(png).height);
    // One row short of compact is drawn in full, a row a line.
    expect(pictureHeight(board(many.slice(0, COMPACT.from - 1)))).toBe(LAYOUT.headerWithSubtitle + (COMPACT.from - 1) * (LAYOUT.row + LAYOUT.gap) + LAYOUT.padding);
    const words = wordsOf(await r.svg(long, { textAsText: true }));
    for (const name of ['Ada Lovelace 1', '李小龙 23', 'Zoë Ψηφίο 26', 'Bob 50']) expect(words).toContain(name);
    // Compact names have less room: a long one is cut, not run into the points.
    expect(words).toMatch(/Дмитрий[^…]*…/);
    expect(words).not.toContain('Дмитрий Менделеев 12');
    for (const n of [1, 26, 50]) expect(words).toContain(`${40 - (n - 1) * 4} pts`);
    // The second column starts at row 26: its rank is drawn right of the first column's names.
    const svg = await r.svg(long, { textAsText: true });
    const x26 = Number(/<text x="([\d.]+)"[^>]*>26<\/text>/.exec(svg)?.[1]);
    expect(x26).toBeGreaterThan(LAYOUT.width / 2);
  });

  it('keeps a name with a line break in it on its own row', async () => {
    expect(oneLine(' Ada\n  Lovelace\t')).toBe('Ada Lovelace');
    const svg = await r.svg(board(['Ada\nLovelace', 'Bob']), { textAsText: true });
    const y = (word: string) => Number(new RegExp(`<text x="[\\d.]+" y="([\\d.]+)"[^>]*>${word}</text>`).exec(svg)?.[1]);
    expect(y('Ada Lovelace')).toBeGreaterThan(0);
    expect(y('Bob') - y('Ada Lovelace')).toBe(LAYOUT.row + LAYOUT.gap);
  });

  it('draws an empty board as its message', async () => {
    const empty = board([], { subtitle: undefined });
    expect(wordsOf(await r.svg(empty, { textAsText: true }))).toContain('Nobody has points this week.');
    expect(pngSize(await r.leaderboard(empty)).height).toBe(pictureHeight(empty));
  });

  it('lays out every name, in Latin, Cyrillic, Greek, Vietnamese, Chinese, Japanese and Korean, and the points', async () => {
    const words = wordsOf(await r.svg(board(NAMES), { textAsText: true }));
    for (const name of ['Ada Lovelace', 'Дмитрий Менделеев', '李小龙', 'さくら', '김민준', 'Zoë Ψηφίο', 'Nguyễn Thị Ánh', 'Оксана', 'Fox']) expect(words).toContain(name);
    expect(words).toContain('40 pts');
    expect(words).toContain('▲2');
    expect(words).toContain('▼1');
    expect(words).toContain('You: #4 with 28 points');
  });

  it('has a glyph for every character of those names: CJK slices are read for the names that need them', async () => {
    expect(r.fonts.uncovered(NAMES.join(' '))).toEqual([]);
    expect(r.fonts.slicesFor('Ada Дмитрий Ψ')).toBe(0);
    expect(r.fonts.slicesFor('李小龙 김민준')).toBeGreaterThan(0);
    // Every character gets a face that has its glyph: SC's ranges claim Hangul it lacks, KR draws it.
    await r.fonts.need(NAMES.join(' '));
    for (const ch of [...NAMES.join('').replace(/\p{Extended_Pictographic}|\p{Regional_Indicator}|\s/gu, '')]) {
      const cp = ch.codePointAt(0) ?? 0;
      expect(r.fonts.fontFor(cp, 400)?.font.hasGlyphForCodePoint(cp), ch).toBe(true);
    }
    // Scripts without a bundled font are known, not hidden.
    expect(r.fonts.uncovered('مريم').length).toBeGreaterThan(0);
  });

  it('draws emoji (and flags) as Twemoji pictures, medals for the top three', async () => {
    const svg = await r.svg(board(NAMES), { textAsText: true });
    // 🦊 🚀 🇺🇦 and 🥇 🥈 🥉: six pictures, each a PNG drawn once from its Twemoji SVG.
    expect(svg.match(/<image[^>]+href="data:image\/png;base64,/g)?.length).toBe(6);
  });

  it('cuts a name too long for its row with an ellipsis instead of pushing the points out', async () => {
    const long = 'A very very long name that surely does not fit on one line at all';
    const words = wordsOf(await r.svg(board([long]), { textAsText: true }));
    expect(words).not.toContain(long);
    expect(words).toMatch(/A very very long name.*…/);
    expect(words).toContain('40 pts');
  });

  it('cuts a line to its width with an ellipsis, keeping as much of it as fits, and leaves a line that fits as it is', async () => {
    const ts = new Typesetter(r.fonts);
    const style = { size: 28, weight: 700 } as const;
    for (const name of ['Ada Lovelace', 'A very very long name that surely does not fit on one line at all', '龘'.repeat(30), 'Дмитрий Менделеев '.repeat(3)]) {
      await r.fonts.need(`${name}…`);
      const whole = ts.line(name, style);
      const fitted = ts.fit(name, style, NAME_WIDTH);
      expect(fitted.width).toBeLessThanOrEqual(NAME_WIDTH);
      if (whole.width <= NAME_WIDTH) expect(fitted.text).toBe(name);
      else {
        expect(fitted.text.endsWith('…')).toBe(true);
        const kept = fitted.text.slice(0, -1);
        expect(name.startsWith(kept)).toBe(true);
        // One grapheme more would not have fitted.
        const more = [...name]
          .slice(0, [...kept].length + 1)
          .join('')
          .trimEnd();
        if (more.length > kept.length) expect(ts.line(`${more}…`, style).width, name).toBeGreaterThan(NAME_WIDTH);
      }
    }
  });

  it('draws the outlines of a line where the typesetter measured it: its ink spans its width, centred on its line', async () => {
    const ts = new Typesetter(r.fonts);
    const style = { size: 40, weight: 700 } as const;
    await r.fonts.need('HELLO Ж');
    const line = ts.line('HELLO Ж', style);
    const [x, middle] = [30, 50];
    const d = ts.outline(line, x, middle + ts.baselineOffset(style));
    const width = Math.ceil(line.width) + 60;
    const { pixels } = rasterize(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="100"><path fill="#fff" d="${d}"/></svg>`);
    let [left, right, top, bottom] = [width, 0, 100, 0];
    for (let y = 0; y < 100; y++) {
      for (let px = 0; px < width; px++) {
        if ((pixels[(y * width + px) * 4 + 3] ?? 0) < 128) continue;
        [left, right, top, bottom] = [Math.min(left, px), Math.max(right, px), Math.min(top, y), Math.max(bottom, y)];
      }
    }
    // Side bearings aside, the ink starts at x and ends at x + width; capitals sit around the middle, upright.
    expect(left).toBeGreaterThanOrEqual(x);
    expect(left).toBeLessThan(x + 6);
    expect(right).toBeLessThanOrEqual(x + line.width);
    expect(right).toBeGreaterThan(x + line.width - 8);
    expect(Math.abs((top + bottom) / 2 - middle)).toBeLessThan(6);
    expect(bottom - top).toBeGreaterThan(25);
    expect(bottom - top).toBeLessThan(40);
  });

  it('keeps the memory of the process flat over many pictures: every canvas is freed when its pixels are out', async () => {
    const small = board(NAMES.slice(0, 3));
    await r.leaderboard(small);
    const before = process.memoryUsage().rss;
    let peak = before;
    for (let i = 0; i < 150; i++) {
      await r.leaderboard(small);
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    // Each picture is ~1.3 MB of pixels, drawn into a canvas as large: the native binding left both to a
    // GC that did not see them (here about +390 MB; 200 ten-row boards took +1.2 GB). Freed, the process
    // grows by the WebAssembly memory and a few pictures not yet collected (about 25–60 MB).
    expect((peak - before) / 2 ** 20).toBeLessThan(120);
  });

  it('draws hostile names without failing: piled-up marks, a lone surrogate, right-to-left and unbundled scripts, emoji Twemoji lacks', async () => {
    const names = [`Z${'\u0301\u0316\u0337'.repeat(300)}algo`, 'half \ud83d pair', 'مريم', 'नमस्ते', '\u{1FAE8} new emoji', `${'W'.repeat(400)}`, '<b>&amp;</b>'];
    const png = await r.leaderboard(board(names));
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(pngSize(png)).toEqual({ width: LAYOUT.width, height: pictureHeight(board(names)) });
    const words = wordsOf(await r.svg(board(names), { textAsText: true }));
    // Markup in a name is text, escaped in the SVG and read back as typed.
    expect(words).toContain('<b>&amp;</b>');
    expect(words).toMatch(/W+…/);
  });

  it('gives the first ten teams ten different colours, the same every time', () => {
    const colours = Array.from({ length: 10 }, (_, i) => teamColour(`t${i + 1}`));
    expect(new Set(colours).size).toBe(10);
    expect(colours).toEqual([...TEAM_COLOURS]);
    expect(teamColour('custom-id')).toBe(teamColour('custom-id'));
  });

  it('saves a picture to tests/artifacts for a look by eye', async () => {
    const dir = path.join(repoRoot, 'tests/artifacts');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'leaderboard-people.png'), await r.leaderboard(board(NAMES)));
    const teams: BoardPicture = {
      title: 'Teams · November 2026',
      empty: '',
      rows: ['Owls', 'Фениксы', '熊猫队', 'Night 🦉 Shift'].map((name, i) => ({
        rank: i + 1,
        name,
        points: 120 - i * 25,
        colour: teamColour(`t${i + 1}`),
        detail: `${5 - i} members`,
        ...(i === 1 ? { own: true } : {}),
      })),
    };
    const png = await r.leaderboard(teams);
    writeFileSync(path.join(dir, 'leaderboard-teams.png'), png);
    // The same picture on a light client's white and Discord's dark grey, side by side.
    const { width, height } = pngSize(png);
    const href = `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
    const scene = `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * width + 100}" height="${height + 40}"><rect width="${width + 50}" height="${height + 40}" fill="#ffffff"/><rect x="${width + 50}" width="${width + 50}" height="${height + 40}" fill="#313338"/><image href="${href}" x="25" y="20" width="${width}" height="${height}"/><image href="${href}" x="${width + 75}" y="20" width="${width}" height="${height}"/></svg>`;
    writeFileSync(path.join(dir, 'leaderboard-light-dark.png'), svgToPng(scene));
  });
});
