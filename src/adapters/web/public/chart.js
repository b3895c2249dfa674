import { el } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
// Distinguishable for most kinds of colour blindness (Okabe–Ito), darkened for contrast on white.
const COLORS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#8a6d00', '#56b4e9'];
const W = 560;
const H = 240;
const PAD = { left: 40, right: 16, top: 14, bottom: 30 };

/** svg('line', { x1, … }, child…): el() for SVG elements, which need their namespace. */
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  for (const child of children.flat(Infinity)) if (child) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

/** Points per week as lines, drawn here as SVG; the same numbers sit in a table under it. */
export function lineChart(labels, series) {
  if (series.length === 0 || series.every((s) => s.points.every((p) => p === 0))) {
    return el('p', { class: 'muted' }, 'No points in these weeks yet. Reveal and grade the daily question, or play a quiz, and watch this fill in.');
  }
  const max = niceMax(Math.max(...series.flatMap((s) => s.points)));
  const x = (i) => PAD.left + (labels.length === 1 ? 0 : (i * (W - PAD.left - PAD.right)) / (labels.length - 1));
  const y = (v) => H - PAD.bottom - (v / max) * (H - PAD.top - PAD.bottom);
  const ticks = [0, 1, 2, 3, 4].map((n) => (max / 4) * n);

  const summary = series.map((s) => `${s.name}: ${s.points.join(', ')}`).join('; ');
  const chart = svg(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': `Points per week (${labels.join(', ')}). ${summary}` },
    ticks.map((t) => [
      svg('line', { x1: PAD.left, x2: W - PAD.right, y1: y(t), y2: y(t), class: 'grid' }),
      svg('text', { x: PAD.left - 6, y: y(t) + 4, 'text-anchor': 'end', class: 'axis' }, String(t)),
    ]),
    labels.map((label, i) => svg('text', { x: x(i), y: H - 8, 'text-anchor': 'middle', class: 'axis' }, label)),
    series.map((s, n) => {
      const color = COLORS[n % COLORS.length];
      const path = s.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p).toFixed(1)}`).join(' ');
      return svg(
        'g',
        { class: s.you ? 'series you' : 'series' },
        svg('path', { d: path, fill: 'none', stroke: color, 'stroke-width': s.you ? 3.5 : 2, 'stroke-dasharray': s.you ? '7 4' : 'none' }),
        s.points.map((p, i) => svg('circle', { cx: x(i), cy: y(p), r: s.you ? 4.5 : 3.5, fill: color }, svg('title', {}, `${s.name}, ${labels[i]}: ${p} points`))),
      );
    }),
  );

  const legend = el(
    'ul',
    { class: 'legend' },
    series.map((s, n) =>
      el(
        'li',
        {},
        svg(
          'svg',
          { viewBox: '0 0 24 8', width: 24, height: 8, 'aria-hidden': 'true' },
          svg('line', { x1: 0, x2: 24, y1: 4, y2: 4, stroke: COLORS[n % COLORS.length], 'stroke-width': 4, 'stroke-dasharray': s.you ? '6 3' : 'none' }),
        ),
        ` ${s.name}${s.you ? ' (you)' : ''}`,
      ),
    ),
  );

  const table = numbersTable(
    ['Who', ...labels],
    series.map((s) => [s.name, ...s.points]),
  );
  return el('div', {}, chart, legend, table);
}

/** The numbers behind a chart, as a table a screen reader (or a careful reader) can go through: `head` then `rows`, each row's first cell its name. */
export function numbersTable(head, rows) {
  return el(
    'details',
    { class: 'chart-data' },
    el('summary', {}, 'The numbers'),
    el(
      'div',
      { class: 'table-wrap' },
      el(
        'table',
        {},
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            head.map((h, i) => el('th', { scope: 'col', class: i > 0 ? 'num' : undefined }, h)),
          ),
        ),
        el(
          'tbody',
          {},
          rows.map((r) =>
            el(
              'tr',
              {},
              el('th', { scope: 'row' }, r[0]),
              r.slice(1).map((v) => el('td', { class: 'num' }, String(v))),
            ),
          ),
        ),
      ),
    ),
  );
}

/** A top for the axis that splits into four whole steps: 3 → 4, 7 → 8, 23 → 24, 130 → 160. */
function niceMax(value) {
  const raw = Math.max(1, value / 4);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 3, 4, 5, 6, 8, 10].map((m) => m * magnitude).find((s) => s >= raw && Number.isInteger(s)) ?? Math.ceil(raw);
  return step * 4;
}
