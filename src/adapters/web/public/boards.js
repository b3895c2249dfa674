import { api, el, formatDate, withCode } from './dom.js';
import { lineChart } from './chart.js';

/** Leaderboards for people and teams by period, points per week as a chart, teams and the season archive. */
export function createBoardsView({ person }) {
  const form = document.getElementById('board-controls');
  const workspaceField = document.getElementById('workspace-field');
  const workspaceSelect = document.getElementById('workspace-select');
  form.addEventListener('change', () => refresh());
  form.addEventListener('submit', (event) => event.preventDefault());

  async function refresh() {
    const data = new FormData(form);
    const kind = data.get('kind') ?? 'people';
    const period = data.get('period') ?? 'week';
    const params = new URLSearchParams({ kind, period, user: person.name });
    const workspace = workspaceSelect.value;
    if (workspace) params.set('workspace', workspace);
    const ws = workspace ? `?workspace=${encodeURIComponent(workspace)}` : '';
    const [board, history, teams, seasons, workspaces] = await Promise.all([
      api(`/api/leaderboard?${params}`),
      api(`/api/history?${new URLSearchParams({ kind, weeks: '8', user: person.name, ...(workspace ? { workspace } : {}) })}`),
      api(`/api/teams${ws}`),
      api(`/api/seasons${ws}`),
      api('/api/workspaces'),
    ]);
    renderWorkspaces(workspaces.workspaces);
    renderBoard(board, kind);
    document.getElementById('chart-title').textContent = `${kind === 'teams' ? 'Team points' : 'Points'} per week, last ${history.weeks.length} weeks`;
    document.getElementById('chart').replaceChildren(
      lineChart(
        history.weeks.map((w) => w.replace(/^\d+-/, '')),
        history.series,
      ),
    );
    renderTeams(teams.teams);
    renderSeasons(seasons);
  }

  function renderWorkspaces(list) {
    workspaceField.hidden = list.length < 2;
    if (workspaceSelect.options.length === list.length) return;
    const current = workspaceSelect.value;
    workspaceSelect.replaceChildren(
      ...list.map((w) => el('option', { value: w.id, selected: w.id === current }, w.platform === 'web' ? 'Playground' : `${w.platform} · ${w.workspaceId}`)),
    );
  }

  function renderBoard(board, kind) {
    document.getElementById('board-label').textContent = board.notice ? 'Season' : capitalize(board.periodLabel);
    const target = document.getElementById('board');
    if (board.notice) return target.replaceChildren(el('p', { class: 'muted' }, withCode(board.notice)));
    if (board.rows.length === 0) return target.replaceChildren(el('p', { class: 'muted' }, 'No points on this board yet. Grade the daily question or play a quiz.'));
    const me = slug(person.name);
    const teams = kind === 'teams';
    const table = el(
      'table',
      { class: 'board' },
      el('caption', { class: 'sr-only' }, `${teams ? 'Teams' : 'People'}, ${board.periodLabel}`),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', { scope: 'col' }, '#'),
          el('th', { scope: 'col' }, teams ? 'Team' : 'Name'),
          el('th', { scope: 'col', class: 'num' }, 'Points'),
          teams && el('th', { scope: 'col', class: 'num' }, 'Members'),
          teams && el('th', { scope: 'col', class: 'num' }, 'Per member'),
        ),
      ),
      el(
        'tbody',
        {},
        board.rows.map((r) =>
          el(
            'tr',
            { class: !teams && r.id === me ? 'you' : '' },
            el('td', {}, medal(r.rank)),
            el('th', { scope: 'row' }, r.name, !teams && r.id === me ? ' (you)' : ''),
            el('td', { class: 'num' }, String(r.points)),
            teams && el('td', { class: 'num' }, String(r.members ?? 0)),
            teams && el('td', { class: 'num' }, r.average === undefined ? '–' : r.average.toFixed(1)),
          ),
        ),
      ),
    );
    const own =
      board.own === undefined
        ? null
        : el(
            'p',
            { class: 'own' },
            board.own
              ? `${teams ? 'Your team' : 'You'}: #${board.own.rank} with ${board.own.points} points`
              : teams
                ? withCode('Your team is not on this board yet (`team join <name>` in the channel).')
                : 'You are not on this board yet.',
          );
    target.replaceChildren(el('div', { class: 'table-wrap' }, table), own);
  }

  function renderTeams(teams) {
    const target = document.getElementById('teams');
    if (teams.length === 0)
      return target.replaceChildren(el('p', { class: 'muted' }, withCode('No teams yet. In the channel, `team create Blue` (admins) starts one and `team join Blue` joins it.')));
    target.replaceChildren(
      el(
        'ul',
        { class: 'plain-list' },
        teams.map((t) => el('li', {}, el('strong', {}, t.name), ` · ${t.members} ${t.members === 1 ? 'member' : 'members'}`)),
      ),
    );
  }

  function renderSeasons({ current, archive }) {
    const target = document.getElementById('seasons');
    const now = current
      ? el('p', {}, 'Running: ', el('strong', {}, current.name), ` since ${formatDate(current.startedAt)}`)
      : el('p', { class: 'muted' }, withCode('No season is running. An admin starts one with `season start <name>`.'));
    const past =
      archive.length === 0
        ? el('p', { class: 'muted' }, 'No finished seasons yet.')
        : archive.map((a) =>
            el(
              'details',
              { class: 'season' },
              el('summary', {}, `${a.season.name} (${formatDate(a.season.startedAt)} – ${formatDate(a.season.endedAt)})`),
              standings('People', a.people),
              standings('Teams', a.teams),
            ),
          );
    target.replaceChildren(now, ...[past].flat());
  }

  return { refresh };
}

function standings(title, rows) {
  if (rows.length === 0) return el('p', { class: 'muted' }, `${title}: nobody scored.`);
  return el(
    'div',
    {},
    el('h4', {}, title),
    el(
      'ol',
      { class: 'plain-list' },
      rows.slice(0, 10).map((r) => el('li', {}, `${r.name} — ${r.points} points`)),
    ),
  );
}

/** The rank as a number, with a medal beside the top three. */
function medal(rank) {
  const icon = ['🥇', '🥈', '🥉'][rank - 1];
  return icon ? [String(rank), ' ', el('span', { 'aria-hidden': 'true' }, icon)] : String(rank);
}

function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The same id the server makes from a typed name, to find "you" on a board. */
export function slug(name) {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}
