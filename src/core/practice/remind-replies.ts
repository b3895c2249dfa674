import { describeSchedule } from '../../scheduler/index.js';
import { type Reply, textReply } from '../reply.js';
import type { ReminderSettings } from './remind-store.js';
import type { DueSummary } from './service.js';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "07:30 on weekdays, Europe/Berlin", with the zone as the person wrote it. */
export function describeReminder(settings: ReminderSettings): string {
  return describeSchedule({ ...settings.schedule, timezone: settings.zoneAsTyped ?? settings.schedule.timezone });
}

/** The nudge itself: what is waiting, and how to start. Only sent when some card is due. */
export function nudgeReply(summary: DueSummary): Reply {
  const waiting = [plural(summary.due, 'card due', 'cards due'), ...(summary.newAvailable > 0 ? [`${summary.newAvailable} new`] : [])].join(', ');
  return {
    blocks: [
      { type: 'text', markdown: `**Practice time:** ${waiting}. Start with \`practice\`.` },
      { type: 'context', markdown: 'Your practice reminder. `practice remind off` stops it.' },
    ],
    ephemeral: true,
  };
}

export function reminderSetReply(settings: ReminderSettings): Reply {
  return textReply(`Practice reminder set: ${describeReminder(settings)}. You get a private nudge then, on days when cards are due. \`practice remind off\` stops it.`, {
    ephemeral: true,
  });
}

export function reminderOffReply(wasOn: boolean): Reply {
  return textReply(wasOn ? 'Practice reminder off.' : 'You had no practice reminder.', { ephemeral: true });
}
