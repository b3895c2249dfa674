import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { type BoardPicture, teamColour } from '../src/core/images.js';
import { leaderboardMarkdown } from '../src/core/scoring/index.js';
import { PngWriter } from '../src/images/png.js';
import { createBoardRenderer } from '../src/images/render.js';
import { rasterize } from '../src/images/resvg.js';

/** Names as a real board has them: mostly Latin, some Cyrillic, CJK and emoji. */
const NAMES = ['Ada Lovelace', 'Дмитрий', '李小龙', 'Grace Hopper', 'さくら', 'Zoë', '🦊 Fox', 'Alan Turing', 'Оксана', '김민준'];
const WARM_UP = 20;
const ROUNDS = 30;
/** The goal for one picture, after warm-up. */
const GOAL_MS = 50;

/**
 * A board of `rows` rows. Every name ends in a four-letter tag: `aaaa` on the board drawn again; with
 * `round` > 0 each row gets a tag never used before (a new week's new names: nothing shaped before).
 * Both boards draw as many glyphs, so their figures differ only in what was seen before (an earlier
 * version made new names longer, and the new board looked slower partly for being bigger).
 */
function picture(rows: number, round = 0): BoardPicture {
  return {
    title: 'People · week 48, 2026 (23 Nov – 29 Nov)',
    subtitle: 'You: #4 with 28 points',
    empty: '',
    rows: Array.from({ length: rows }, (_, i) => ({
      rank: i + 1,
      name: `${NAMES[i % NAMES.length]} ${Math.floor(i / NAMES.length) || ''} ${round > 0 ? newTag() : 'aaaa'}`.replace(/ +/g, ' '),
      points: 5 * rows - 4 * i,
      colour: teamColour(`t${(i % 6) + 1}`),
      ...(i % 2 === 0 ? { detail: 'Owls' } : {}),
      movement: (i % 5) - 2,
    })),
  };
}

let tags = 0;
/** `aaab`, `aaac`, …: a tag no board of this run has had. */
function newTag(): string {
  tags += 1;
  return [3, 2, 1, 0].map((p) => String.fromCharCode(97 + (Math.floor(tags / 26 ** p) % 26))).join('');
}

interface Stats {
  median: number;
  p95: number;
  cpu: number;
}

/**
 * Wall time, and CPU time (this process's user + system, all threads): on a shared, busy machine the
 * wall clock also counts the time spent waiting for a core, the CPU time only the work. Several works
 * are timed in turn, round by round, so a moment the box is busy falls on all of them alike.
 */
async function timeAlternately(works: readonly ((round: number) => Promise<unknown> | unknown)[]): Promise<Stats[]> {
  for (let i = 0; i < WARM_UP; i++) for (const work of works) await work(i + 1);
  const times = works.map((): number[] => []);
  const cpus = works.map((): number[] => []);
  for (let i = 0; i < ROUNDS; i++) {
    for (const [w, work] of works.entries()) {
      const start = performance.now();
      const cpu = process.cpuUsage();
      await work(WARM_UP + i + 1);
      const used = process.cpuUsage(cpu);
      times[w]?.push(performance.now() - start);
      cpus[w]?.push((used.user + used.system) / 1000);
    }
  }
  const mid = Math.floor(ROUNDS / 2);
  return works.map((_, w) => {
    const t = (times[w] ?? []).sort((x, y) => x - y);
    const c = (cpus[w] ?? []).sort((x, y) => x - y);
    return { median: t[mid] ?? 0, p95: t[Math.floor(ROUNDS * 0.95)] ?? 0, cpu: c[mid] ?? 0 };
  });
}

async function timeIt(work: (round: number) => Promise<unknown> | unknown): Promise<Stats> {
  const [stats] = await timeAlternately([work]);
  return stats ?? { median: 0, p95: 0, cpu: 0 };
}

/**
 * The digest's picture: render time of a 10-row and a 50-row board after warm-up, split into layout
 * (words shaped and written as SVG outlines), resvg (SVG to pixels) and the PNG encoding, against the
 * issue's 50 ms goal and as a ratio to the same board as text (the in-process baseline). Two boards,
 * drawn in turn: the same board again (names shaped before: a board asked for twice, or next week's
 * names), and one whose every name is new each round (nothing shaped before; glyph outlines are kept
 * across names, so only a script never seen costs more). Printed, never asserted.
 */
export async function digestImages(): Promise<void> {
  const opened = performance.now();
  const renderer = await createBoardRenderer();
  console.log(
    `board pictures: fonts read in ${(performance.now() - opened).toFixed(0)} ms; ${WARM_UP} warm-up renders, then the median of ${ROUNDS}; load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} CPUs`,
  );
  for (const rows of [10, 50]) {
    const board = picture(rows);
    const text = await timeIt(() => leaderboardMarkdown({ rows: board.rows.map((r) => ({ ...r, id: r.name })), periodLabel: 'week 48' }, 'people', 'week', null));
    const pngs = await timeAlternately([() => renderer.leaderboard(board), (round) => renderer.leaderboard(picture(rows, round))]);
    const layouts = await timeAlternately([() => renderer.svg(board), (round) => renderer.svg(picture(rows, round))]);
    const svg = await renderer.svg(board);
    const draw = await timeIt(() => rasterize(svg));
    const image = rasterize(svg);
    const writer = new PngWriter();
    const encode = await timeIt(() => writer.encode(image.pixels, image.width, image.height));
    const bytes = (await renderer.leaderboard(board)).byteLength;
    for (const [i, label] of ['names seen before', 'every name new'].entries()) {
      const png = pngs[i] ?? { median: 0, p95: 0, cpu: 0 };
      const layout = layouts[i] ?? { median: 0, p95: 0, cpu: 0 };
      console.log(
        `  ${String(rows).padStart(2)} rows, ${label}, ${image.width} × ${image.height} px: PNG ${png.median.toFixed(1)} ms median (p95 ${png.p95.toFixed(1)}; CPU ${png.cpu.toFixed(1)} ms; ` +
          `layout ${layout.median.toFixed(1)} + resvg ${draw.median.toFixed(1)} + PNG encoding ${encode.median.toFixed(1)}, in CPU ${layout.cpu.toFixed(1)} + ${draw.cpu.toFixed(1)} + ${encode.cpu.toFixed(1)}), ${(bytes / 1024).toFixed(0)} KB, ` +
          `${png.median <= GOAL_MS ? 'within' : 'OVER'} the ${GOAL_MS} ms goal; ${(png.median / Math.max(text.median, 1e-3)).toFixed(0)}x the text board (${(text.median * 1000).toFixed(0)} µs)`,
      );
    }
  }
}
