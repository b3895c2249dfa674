import { api, toast } from './dom.js';
import { createChannelView } from './channel.js';
import { createBoardsView } from './boards.js';
import { createBankView } from './bank.js';
import { createSchedulesView } from './schedules.js';
import { createSuggestionsView } from './suggestions.js';
import { createPracticeView } from './practice.js';

const NAME_KEY = 'recall.name';

/** Who is using the page: a name kept in this browser. A newcomer starts as a guest and can rename. */
const person = {
  name: localStorage.getItem(NAME_KEY) || `Guest ${Math.floor(1000 + Math.random() * 9000)}`,
  set(name) {
    this.name = name;
    localStorage.setItem(NAME_KEY, name);
  },
};
localStorage.setItem(NAME_KEY, person.name);

async function main() {
  const session = await api('/api/session');
  const views = {
    channel: createChannelView({ person, session }),
    boards: createBoardsView({ person }),
    practice: createPracticeView({ person }),
    bank: createBankView(),
    schedules: createSchedulesView(),
    suggestions: createSuggestionsView({ person }),
  };
  document.getElementById('mode-line').textContent = session.playground
    ? 'Playground: everything the bot does, in one local channel. You are its admin here.'
    : 'Dashboard: boards, the bank and every channel’s schedule.';
  setUpName(views);
  let current = null;

  function show() {
    const name = (location.hash || '#channel').slice(1);
    const view = views[name] ? name : 'channel';
    for (const key of Object.keys(views)) document.getElementById(`view-${key}`).hidden = key !== view;
    for (const link of document.querySelectorAll('.tabs a')) {
      if (link.dataset.view === view) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    current = view;
    views[view].refresh().catch((err) => toast(err.message, 'error'));
  }
  window.addEventListener('hashchange', show);
  show();

  // One event stream tells the page something changed; the visible view fetches what it shows.
  let pending = 0;
  const events = new EventSource('/api/events');
  events.addEventListener('change', () => {
    clearTimeout(pending);
    pending = setTimeout(() => views[current]?.refresh({ quiet: true }).catch(() => {}), 120);
  });
}

function setUpName(views) {
  const form = document.getElementById('who-form');
  const input = document.getElementById('who-name');
  input.value = person.name;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = input.value.trim();
    if (!/[\p{L}\p{N}]/u.test(name)) {
      toast('A name needs at least one letter or digit.', 'error');
      return;
    }
    person.set(name);
    toast(`You are now ${name}.`);
    const visible = Object.entries(views).find(([key]) => !document.getElementById(`view-${key}`).hidden);
    visible?.[1].refresh().catch((err) => toast(err.message, 'error'));
  });
}

main().catch((err) => toast(`The playground could not start: ${err.message}`, 'error'));
