import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { beforeAll, describe, expect, it } from 'vitest';
import satori from 'satori';
import { type BoardPicture, TEAM_COLOURS, teamColour } from '../../src/core/images.js';
import { EmojiBook } from '../../src/images/emoji.js';
import { COMPACT, DETAIL_WIDTH, LAYOUT, NAME_WIDTH, cutIfLong, oneLine, pictureHeight } from '../../src/images/leaderboard.js';
import type { BoardRenderer } from '../../src/images/render.js';
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

/** The words of an SVG satori made with text kept as text: one `<text>` per word or space, in order. */
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

describe('board pictures: satori + resvg with the bundled fonts', () => {
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
    expect(y('Lovelace')).toBe(y('Ada'));
    expect(y('Bob') - y('Ada')).toBe(LAYOUT.row + LAYOUT.gap);
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
    const latin = await r.fonts.fontsFor('Ada Дмитрий Ψ');
    const cjk = await r.fonts.fontsFor('李小龙 김민준');
    expect(cjk.length).toBeGreaterThan(latin.length);
    // Scripts without a bundled font (they would also need shaping satori does not do) are known, not hidden.
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

  it('leaves out the ellipsis (and its clip) only for names too short to overflow, even in the widest glyphs', async () => {
    const fits = Math.floor(NAME_WIDTH / (28 * 1.2));
    expect(cutIfLong('龘'.repeat(fits), 28, NAME_WIDTH)).toEqual({});
    expect(cutIfLong('龘'.repeat(fits + 1), 28, NAME_WIDTH)).toMatchObject({ overflow: 'hidden' });
    // What satori does with the ellipsis on, in a box as wide as the column: the longest names sent
    // without it are not cut, so leaving it out changes nothing; one grapheme more of the widest is.
    const emoji = new EmojiBook();
    const cut = async (name: string, width: number, fontSize = 28) => {
      const node = {
        type: 'div',
        props: {
          style: { display: 'flex', width },
          children: [
            {
              type: 'div',
              props: { style: { fontSize, fontWeight: 700, minWidth: 0, flexShrink: 1, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }, children: name },
            },
          ],
        },
      };
      const svg = await satori(node as unknown as Parameters<typeof satori>[0], {
        width,
        height: 60,
        fonts: await r.fonts.fontsFor(name),
        graphemeImages: await emoji.imagesFor(name),
        embedFont: false,
      });
      return wordsOf(svg).includes('…');
    };
    for (const wide of ['龘', '한', 'W', 'Ш', 'Ж', '🦊']) {
      expect(await cut(wide.repeat(fits), NAME_WIDTH), wide).toBe(false);
      const besideDetail = Math.floor((NAME_WIDTH - DETAIL_WIDTH) / (28 * 1.2));
      expect(await cut(wide.repeat(besideDetail), NAME_WIDTH - DETAIL_WIDTH), wide).toBe(false);
    }
    expect(await cut('龘'.repeat(Math.ceil(NAME_WIDTH / 28) + 1), NAME_WIDTH)).toBe(true);
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
    writeFileSync(path.join(dir, 'leaderboard-light-dark.png'), new Resvg(scene, { font: { loadSystemFonts: false } }).render().asPng());
  });
});
