import { addDays, localDay } from '../../../core/practice/day.js';
import { describeReminder } from '../../../core/practice/remind-replies.js';
import type { Route } from '../http/router.js';
import type { ApiDeps } from './deps.js';
import { userOf } from './input.js';

/** Categories drawn on the mastery chart; the rest are in the numbers table only when they have cards. */
const MASTERY_SHOWN = 12;

/** One person's practice: what is due over the next 7 days and how well each category is held. */
export function practiceRoutes(deps: ApiDeps): Route[] {
  const { practice, reminders } = deps.engine.services;
  return [
    {
      method: 'GET',
      path: '/api/practice',
      async handler(ctx) {
        const user = userOf(ctx.url.searchParams.get('user'));
        const now = deps.now();
        const [stats, zone, reminder] = await Promise.all([practice.stats(user, now), practice.timezoneOf(user), reminders.status(user)]);
        const today = localDay(now, zone);
        const forecast = stats.forecast.map((count, i) => {
          const day = addDays(today, i);
          return { day, label: i === 0 ? 'Today' : dayLabel(day), count };
        });
        // Categories the person has begun first, then by how many questions wait there.
        const mastery = [...stats.mastery].sort((a, b) => b.cards - a.cards || b.questions - a.questions || a.category.localeCompare(b.category)).slice(0, MASTERY_SHOWN);
        return {
          json: {
            name: user.name ?? user.userId,
            timezone: zone,
            learned: stats.learned,
            dueToday: stats.dueToday,
            dueWeek: stats.dueWeek,
            retention: stats.retention,
            reviews30: stats.reviews30,
            streak: stats.streak,
            bestStreak: stats.bestStreak,
            forecast,
            mastery: mastery.map((m) => ({ category: m.category, questions: m.questions, cards: m.cards, mastered: m.mastered, share: m.share })),
            reminder: reminder ? describeReminder(reminder) : null,
          },
        };
      },
    },
  ];
}

/** `2026-12-05` → `Sat 5`: a calendar day, not an instant, so no zone can shift it. */
function dayLabel(day: string): string {
  const [year = 0, month = 0, date = 0] = day.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, date, 12)));
}
