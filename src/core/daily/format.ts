import { createHash } from 'node:crypto';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** `Tue 24 Nov, 09:30 (Europe/Berlin)`: how people read a time, in the channel's own zone. */
export function formatLocal(instant: Date, timezone: string): string {
  let format = formatters.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: timezone,
    });
    formatters.set(timezone, format);
  }
  return `${format.format(instant)} (${timezone})`;
}

/**
 * A short post id from what makes the post unique. A slot's id is a pure function of (channel, slot),
 * so two processes that ever got that far would agree on it; 12 hex digits keep the longest action id
 * (`daily:grade:<id>:partly`) far below the 100-character limit.
 */
export function makePostId(...parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 12);
}
