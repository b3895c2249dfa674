import { writeFileSync } from 'node:fs';
import { createBoardRenderer } from './src/images/render.ts';
import { teamColour } from './src/core/images.ts';
const NAMES = ['Ada Lovelace', 'Дмитрий Менделеев', '李小龙', 'Grace Hopper', 'さくら', 'Zoë Ψηφίο', '🦊 Fox 🚀', 'Nguyễn Thị Ánh', '🇺🇦 Оксана', '김민준', 'A very very long name that surely does not fit on one line at all'];
const picture = (rows: number) => ({ title: 'People · week 48, 2026 (23 Nov – 29 Nov)', subtitle: 'You: #4 with 28 points', empty: '', rows: Array.from({ length: rows }, (_, i) => ({ rank: i + 1, name: `${NAMES[i % NAMES.length]}`, points: 5 * rows - 4 * i, colour: teamColour(`t${(i % 6) + 1}`), ...(i % 2 === 0 ? { detail: 'Owls' } : {}), movement: [2, -1, 0, undefined][i % 4], own: i === 3 })) });
const r = await createBoardRenderer();
writeFileSync('/tmp/exp/c11.png', await r.leaderboard(picture(11)));
const svg = await r.svg(picture(50)); console.log('50-row svg KB', (svg.length / 1024).toFixed(0));
