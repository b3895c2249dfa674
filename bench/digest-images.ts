import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { Resvg } from '@resvg/resvg-js';
import { type BoardPicture, teamColour } from '../src/core/images.js';
import { leaderboardMarkdown } from '../src/core/scoring/index.js';
import { PngWriter } from '../src/images/png.js';
import { createBoardRenderer } from '../src/images/render.js';

/** Names as a real board has them: mostly Latin, some Cyrillic, CJK and emoji. */
const NAMES = ['Ada Lovelace', 'Дмитрий', '李小龙', 'Grace Hopper', 'さくら', 'Zoë', '🦊 Fox', 'Alan Turing', 'Оксана', '김민준'];
const WARM_UP = 5;
const ROUNDS = 30;
/** The goal for one picture, after warm-up. */
const GOAL_MS = 50;

function picture(rows: number): BoardPicture {
  return {
    title: 'People · week 48, 2026 (23 Nov – 29 Nov)',
    subtitle: 'You: #4 with 28 points',
    empty: '',
    rows: Array.from({ length: rows }, (_, i) => ({
      rank: i + 1,
      name: `${NAMES[i % NAMES.length]} ${Math.floor(i / NAMES.length) || ''}`.trim(),
      points: 5 * rows - 4 * i,
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
async function timeIt(work: () => Promise<unknown> | unknown): Promise<{ median: number; p95: number; cpu: number }> {
  for (let i = 0; i < WARM_UP; i++) await work();
  const times: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    await work();
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
 * The digest's picture: render time of a 10-row and a 50-row board after warm-up, split into satori
 * (layout to SVG), resvg (SVG to pixels) and the PNG encoding, against the 50 ms goal and as a ratio to the same
 * board as text (the in-process baseline). Printed, never asserted.
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
    const png = await timeIt(() => renderer.leaderboard(board));
    const svg = await renderer.svg(board);
    const satori = await timeIt(() => renderer.svg(board));
    const draw = await timeIt(() => new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } }).render());
    const image = new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } }).render();
    const writer = new PngWriter();
    const encode = await timeIt(() => writer.encode(image.pixels, image.width, image.height));
    const bytes = (await renderer.leaderboard(board)).byteLength;
    console.log(
      `  ${String(rows).padStart(2)} rows, ${image.width} × ${image.height} px: PNG ${png.median.toFixed(1)} ms median (p95 ${png.p95.toFixed(1)}; CPU ${png.cpu.toFixed(1)} ms; ` +
        `satori ${satori.median.toFixed(1)} + resvg ${draw.median.toFixed(1)} + PNG encoding ${encode.median.toFixed(1)}, in CPU ${satori.cpu.toFixed(1)} + ${draw.cpu.toFixed(1)} + ${encode.cpu.toFixed(1)}), ${(bytes / 1024).toFixed(0)} KB, ` +
        `${png.median <= GOAL_MS ? 'within' : 'OVER'} the ${GOAL_MS} ms goal; ${(png.median / Math.max(text.median, 1e-3)).toFixed(0)}x the text board (${(text.median * 1000).toFixed(0)} µs)`,
    );
  }
}
