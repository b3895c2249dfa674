const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "in 10 minutes", "in 4 days": when a card comes back, as a person would say it. */
export function comesBackIn(ms: number): string {
  if (ms < MINUTE) return 'in under a minute';
  if (ms < HOUR) return plural(Math.round(ms / MINUTE), 'minute');
  if (ms < DAY) return plural(Math.round(ms / HOUR), 'hour');
  if (ms < 60 * DAY) return plural(Math.round(ms / DAY), 'day');
  if (ms < 365 * DAY) return plural(Math.round(ms / (30 * DAY)), 'month');
  return plural(Math.round(ms / (365 * DAY)), 'year');
}

/** Short forms for button labels: 1m, 10m, 3h, 4d, 2mo, 1y. */
export function shortInterval(ms: number): string {
  if (ms < HOUR) return `${Math.max(1, Math.round(ms / MINUTE))}m`;
  if (ms < DAY) return `${Math.round(ms / HOUR)}h`;
  if (ms < 60 * DAY) return `${Math.round(ms / DAY)}d`;
  if (ms < 365 * DAY) return `${Math.round(ms / (30 * DAY))}mo`;
  return `${Math.round(ms / (365 * DAY))}y`;
}

function plural(n: number, unit: string): string {
  return `in ${n} ${unit}${n === 1 ? '' : 's'}`;
}
