import { numbersTable, svg } from './chart.js';
import { el } from './dom.js';

const W = 440;
const H = 230;
const PAD = { left: 36, right: 12, top: 18, bottom: 30 };

/** Cards due on each of the next days as columns, each with its count on top; today includes what is overdue. */
export function forecastChart(days) {
  const max = Math.max(1, ...days.map((d) => d.count));
  const step = (W - PAD.left - PAD.right) / days.length;
  const barW = Math.min(48, step * 0.6);
  const y = (v) => H - PAD.bottom - (v / max) * (H - PAD.top - PAD.bottom);
  const summary = days.map((d) => `${d.label}: ${d.count}`).join(', ');
  const chart = svg(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, class: 'chart forecast', role: 'img', 'aria-label': `Cards due per day. ${summary}` },
    svg('line', { x1: PAD.left, x2: W - PAD.right, y1: y(0), y2: y(0), class: 'grid' }),
    days.map((d, i) => {
      const cx = PAD.left + step * i + step / 2;
      return svg(
        'g',
        { class: i === 0 ? 'bar today' : 'bar' },
        svg('rect', { x: cx - barW / 2, y: y(d.count), width: barW, height: Math.max(0, y(0) - y(d.count)), rx: 3 }, svg('title', {}, `${d.label}: ${d.count} due`)),
        svg('text', { x: cx, y: y(d.count) - 5, 'text-anchor': 'middle', class: 'value' }, String(d.count)),
        svg('text', { x: cx, y: H - 10, 'text-anchor': 'middle', class: 'axis' }, d.label),
      );
    }),
  );
  return el(
    'div',
    {},
    chart,
    numbersTable(
      ['Day', 'Due'],
      days.map((d) => [d.label, d.count]),
    ),
  );
}

/** Widths through the CSSOM: the page's CSP allows no style attributes. */
function sized(node, percent) {
  node.style.width = `${percent}%`;
  return node;
}

/** Per category, the share of its questions the person holds well (mastered), on a common 0–100 % scale. */
export function masteryChart(rows) {
  if (rows.length === 0) return el('p', { class: 'muted' }, 'No categories yet.');
  return el(
    'div',
    {},
    el(
      'ul',
      { class: 'mastery', 'aria-label': 'Mastery per category' },
      rows.map((r) => {
        const pct = Math.round(r.share * 100);
        const held = r.questions === 0 ? 0 : Math.round((100 * r.cards) / r.questions);
        return el(
          'li',
          {},
          el('span', { class: 'mastery-name', title: r.category }, r.category),
          el(
            'span',
            { class: 'mastery-track', role: 'img', 'aria-label': `${r.category}: ${pct}% mastered, ${r.cards} of ${r.questions} started` },
            sized(el('span', { class: 'mastery-started' }), held),
            sized(el('span', { class: 'mastery-fill' }), pct),
          ),
          el('span', { class: 'mastery-pct num' }, `${pct}%`),
        );
      }),
    ),
    el(
      'p',
      { class: 'legend-line muted' },
      el('span', { class: 'swatch fill', 'aria-hidden': 'true' }),
      ' mastered ',
      el('span', { class: 'swatch started', 'aria-hidden': 'true' }),
      ' started',
    ),
    numbersTable(
      ['Category', 'Questions', 'Started', 'Mastered'],
      rows.map((r) => [r.category, r.questions, r.cards, r.mastered]),
    ),
  );
}
