import { api, el, withCode } from './dom.js';
import { forecastChart, masteryChart } from './practice-charts.js';

/** One person's practice: how much is learned and coming due, and how well each category is held. */
export function createPracticeView({ person }) {
  async function refresh() {
    const data = await api(`/api/practice?user=${encodeURIComponent(person.name)}`);
    document.getElementById('practice-who').textContent = `${data.name}, days counted in ${data.timezone}`;
    document
      .getElementById('practice-figures')
      .replaceChildren(
        figure('Cards learned', data.learned),
        figure('Due today', data.dueToday),
        figure('Due in 7 days', data.dueWeek),
        figure('Retention, 30 days', data.retention === null ? '–' : `${Math.round(data.retention * 100)}%`, data.reviews30 ? `${data.reviews30} reviews` : 'no reviews yet'),
        figure('Practice streak', `${data.streak} ${data.streak === 1 ? 'day' : 'days'}`, `best ${data.bestStreak}`),
      );
    document
      .getElementById('practice-forecast')
      .replaceChildren(data.learned === 0 ? el('p', { class: 'muted' }, withCode('Nothing learned yet. Type `practice` in the channel to start.')) : forecastChart(data.forecast));
    document.getElementById('practice-mastery').replaceChildren(masteryChart(data.mastery));
    document
      .getElementById('practice-reminder')
      .replaceChildren(...withCode(data.reminder ? `Reminder: ${data.reminder}. \`practice remind off\` stops it.` : 'No reminder. `practice remind 07:30 weekdays` sets one.'));
  }

  function figure(label, value, note) {
    return el(
      'div',
      { class: 'figure' },
      el('dt', {}, label),
      el('dd', {}, el('span', { class: 'figure-value' }, String(value)), note && el('span', { class: 'figure-note muted' }, note)),
    );
  }

  return { refresh };
}
