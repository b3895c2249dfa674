import { Resvg } from '@resvg/resvg-wasm';
import { FontBook } from './src/images/fonts.ts';
import { Typesetter } from './src/images/typeset.ts';
import { EmojiBook } from './src/images/emoji.ts';
import { boardWords, wordsSvg, boardShapes, pictureHeight, LAYOUT, MEDALS } from './src/images/leaderboard.ts';
import { PngWriter } from './src/images/png.ts';
import { loadResvg } from './src/images/resvg.ts';
import { teamColour } from './src/core/images.ts';
const NAMES = ['Ada Lovelace', 'Дмитрий', '李小龙', 'Grace Hopper', 'さくら', 'Zoë', '🦊 Fox', 'Alan Turing', 'Оксана', '김민준'];
const pic = (rows: number, round: number) => ({ title: 'People · week 48, 2026 (23 Nov – 29 Nov)', subtitle: 'You: #4 with 28 points', empty: '', rows: Array.from({ length: rows }, (_, i) => ({ rank: i + 1, name: `${NAMES[i % 10]} ${Math.floor(i / 10) || ''} ${round}`.trim(), points: 5 * rows - 4 * i + round * 1000, colour: teamColour(`t${(i % 6) + 1}`), ...(i % 2 === 0 ? { detail: 'Owls' } : {}), movement: (i % 5) - 2 })) });
await loadResvg();
const fonts = await FontBook.open(); const ts = new Typesetter(fonts); const emoji = new EmojiBook(); const png = new PngWriter();
const rows = Number(process.argv[2] ?? 50);
const T: Record<string, number[]> = { need: [], words: [], svg: [], parse: [], render: [], pixels: [], free: [], encode: [], total: [] };
for (let r = 1; r <= 90; r++) {
  const b = pic(rows, r);
  const t0 = performance.now();
  const text = [b.title, b.subtitle, b.empty, '…▲▼=0123456789 pts', ...MEDALS, ...b.rows.flatMap((x) => [x.name, x.detail ?? ''])].join('\n');
  const [, images] = await Promise.all([fonts.need(text), emoji.imagesFor(text)]);
  const t1 = performance.now();
  const w = boardWords(b, ts);
  const t2 = performance.now();
  const svg = `<svg width="800" height="${pictureHeight(b)}" viewBox="0 0 800 ${pictureHeight(b)}" xmlns="http://www.w3.org/2000/svg">${boardShapes(b)}${wordsSvg(w, ts, images)}</svg>`;
  const t3 = performance.now();
  const rv = new Resvg(svg, { font: { loadSystemFonts: false } });
  const t4 = performance.now();
  const img = rv.render();
  const t5 = performance.now();
  const px = img.pixels; const W = img.width, H = img.height;
  const t6 = performance.now();
  img.free(); rv.free();
  const t7 = performance.now();
  png.encode(px, W, H);
  const t8 = performance.now();
  if (r > 30) { T.need.push(t1 - t0); T.words.push(t2 - t1); T.svg.push(t3 - t2); T.parse.push(t4 - t3); T.render.push(t5 - t4); T.pixels.push(t6 - t5); T.free.push(t7 - t6); T.encode.push(t8 - t7); T.total.push(t8 - t0); }
}
const med = (a: number[]) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)]!.toFixed(1);
console.log(rows, 'rows fresh:', Object.entries(T).map(([k, v]) => `${k} ${med(v)}`).join(' | '));
