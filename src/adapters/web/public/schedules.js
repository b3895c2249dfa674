import { api, el, withCode } from './dom.js';

/** Each channel's daily schedule and its next posts, in the channel's own time. */
export function createSchedulesView() {
  const target = document.getElementById('schedules');

  async function refresh() {
    const { channels } = await api('/api/schedules');
    if (channels.length === 0) {
      target.replaceChildren(el('p', { class: 'muted' }, withCode('No channel has a daily question yet. An admin sets one with `daily set 09:30 weekdays Europe/Berlin`.')));
      return;
    }
    target.replaceChildren(el('div', { class: 'schedule-grid' }, channels.map(card)));
  }

  return { refresh };
}

function card(c) {
  const where = c.platform === 'web' ? `Playground · #${c.channelId}` : `${c.platform} · ${c.workspaceId} · #${c.channelId}`;
  return el(
    'article',
    { class: `card schedule${c.enabled ? '' : ' off'}` },
    el('h3', {}, where),
    el('p', {}, el('span', { class: `badge ${c.enabled ? 'ok' : 'open'}` }, c.enabled ? 'on' : 'off'), ' ', c.schedule ?? 'no schedule'),
    el(
      'dl',
      { class: 'facts' },
      fact('Time zone', c.timezone),
      fact('Reveal', c.reveal),
      fact('Questions from', c.scope),
      fact('Discussion questions', c.discussion ? 'on' : 'off'),
      fact('Last post', c.lastPost ? `#${c.lastPost.seq}, ${c.lastPost.postedLocal}` : 'none yet'),
    ),
    el('h4', {}, 'Next posts'),
    c.nextRuns.length > 0
      ? el(
          'ol',
          { class: 'plain-list next-runs' },
          c.nextRuns.map((r) => el('li', {}, el('time', {}, r))),
        )
      : el('p', { class: 'muted' }, 'None: the schedule is off.'),
    c.problems.length > 0 &&
      el(
        'div',
        { class: 'problems' },
        el('h4', {}, 'Recent problems'),
        el(
          'ul',
          {},
          c.problems.map((p) => el('li', {}, p.message)),
        ),
      ),
  );
}

function fact(label, value) {
  return el('div', {}, el('dt', {}, label), el('dd', {}, value));
}
