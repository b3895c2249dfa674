import type { Parsed } from './types.js';

export interface TimeOfDay {
  hour: number;
  minute: number;
}

const TWENTY_FOUR_HOUR = /^(\d{1,2}):(\d{2})$/;
const TWELVE_HOUR = /^(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\.?$/i;

/** `HH:MM`, `H:MM`, `9am`, `9:30pm`, `12am` (midnight), `12pm` (noon). */
export function parseTimeOfDay(input: string): Parsed<TimeOfDay> {
  const text = input.trim();
  const error = `\`${text}\` is not a time (use HH:MM, 00:00–23:59)`;

  const h24 = TWENTY_FOUR_HOUR.exec(text);
  if (h24) {
    const hour = Number(h24[1]);
    const minute = Number(h24[2]);
    if (hour > 23 || minute > 59) return { ok: false, error };
    return { ok: true, value: { hour, minute } };
  }

  const h12 = TWELVE_HOUR.exec(text);
  if (h12) {
    const clockHour = Number(h12[1]);
    const minute = Number(h12[2] ?? '0');
    if (clockHour < 1 || clockHour > 12 || minute > 59) return { ok: false, error };
    const afternoon = h12[3]?.toLowerCase() === 'p';
    return { ok: true, value: { hour: (clockHour % 12) + (afternoon ? 12 : 0), minute } };
  }

  return { ok: false, error };
}

/** True when the text is plausibly meant as a clock time rather than a cron line. */
export function looksLikeTimeOfDay(input: string): boolean {
  const text = input.trim();
  return !/\s/.test(text) || TWELVE_HOUR.test(text);
}

export function formatTimeOfDay({ hour, minute }: TimeOfDay): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
