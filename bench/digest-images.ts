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

/** A board of `rows` rows; `round` > 0 makes every name and score new (a new week, a new team): nothing shaped before. */
function picture(rows: number, round = 0): BoardPicture {
  const fresh = round > 0 ? ` ${round}` : '';
  return {
    title: 'People · week 48, 2026 (23 Nov – 29 Nov)',
    subtitle: 'You: #4 with 28 points',
    empty: '',
    rows: Array.from({ length: rows }, (_, i) => ({
      rank: i + 1,
      name: `${NAMES[i % NAMES.length]} ${Math.floor(i / NAMES.length) || ''}${fresh}`.trim(),
      points: 5 * rows - 4 * i + round * 1000,
      colour: teamColour(`t${(i % 6) + 1}`),
      ...(i % 2 === 0 ? { detail: 'Owls' } : {}),
      movement: (i % 5) - 2,
    })),
  };
}

/**
 * Wall time, and CPU time (this process's user + system, all threads): on a shared, busy machine the
 * wall clock also counts the time spent waiting for a core, the CPU time only the work.
 */
async function timeIt(work: (round: number) => Promise<unknown> | unknown): Promise<{ median: number; p95: number; cpu: number }> {
  for (let i = 0; i < WARM_UP; i++) await work(i + 1);
  const times: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    await work(WARM_UP + i + 1);
    const used = process.cpuUsage(cpu);
    times.push(performance.now() - start);
    cpus.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  const mid = Math.floor(ROUNDS / 2);
  return { median: times[mid] ?? 0, p95: times[Math.floor(ROUNDS * 0.95)] ?? 0, cpu: cpus[mid] ?? 0 };
}

/**
 * The digest's picture: render time of a 10-row and a 50-row board after warm-up, split into layout
 * (words shaped and written as SVG outlines), resvg (SVG to pixels) and the PNG encoding, against the
 * issue's 50 ms goal and as a ratio to the same board as text (the in-process baseline). Twice: the same
 * board again (names and numbers shaped before: a board asked for twice, or next week's names), and a
 * board whose every name and score is new each round (nothing shaped before; glyph outlines are kept
 * across names, so only a script never seen costs more). Printed, never asserted.
 */
export async function digestImages(): Promise<void> {
  const opened = performance.now();
  const renderer = await createBoardRenderer();
  console.log(
    `board pictures: fonts read in ${(performance.now() - opened).toFixed(0)} ms; ${WARM_UP} warm-up renders, then the median of ${ROUNDS}; load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} CPUs`,
  );
  for (const rows of [10, 50]) {
    for (const fresh of [false, true]) {
      const board = (round: number) => picture(rows, fresh ? round : 0);
      const text = await timeIt(() => leaderboardMarkdown({ rows: board(0).rows.map((r) => ({ ...r, id: r.name })), periodLabel: 'week 48' }, 'people', 'week', null));
      const png = await timeIt((round) => renderer.leaderboard(board(round)));
      // The split: rounds numbered past the ones above, so new names are new here too.
      const layout = await timeIt((round) => renderer.svg(board(round + 1000)));
      const svg = await renderer.svg(board(0));
      const draw = await timeIt(() => rasterize(svg));
      const image = rasterize(svg);
      const writer = new PngWriter();
      const encode = await timeIt(() => writer.encode(image.pixels, image.width, image.height));
      const bytes = (await renderer.leaderboard(board(0))).byteLength;
      console.log(
        `  ${String(rows).padStart(2)} rows, ${fresh ? 'every name new' : 'names seen before'}, ${image.width} × ${image.height} px: PNG ${png.median.toFixed(1)} ms median (p95 ${png.p95.toFixed(1)}; CPU ${png.cpu.toFixed(1)} ms; ` +
          `layout ${layout.median.toFixed(1)} + resvg ${draw.median.toFixed(1)} + PNG encoding ${encode.median.toFixed(1)}, in CPU ${layout.cpu.toFixed(1)} + ${draw.cpu.toFixed(1)} + ${encode.cpu.toFixed(1)}), ${(bytes / 1024).toFixed(0)} KB, ` +
          `${png.median <= GOAL_MS ? 'within' : 'OVER'} the ${GOAL_MS} ms goal; ${(png.median / Math.max(text.median, 1e-3)).toFixed(0)}x the text board (${(text.median * 1000).toFixed(0)} µs)`,
      );
    }
  }
}
