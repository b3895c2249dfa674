/**
 * The one way Recall writes a calendar date: day, short month name, year (`3 Dec 2026`). A month name
 * is never ambiguous the way `12/3/2026` is (3 December or 12 March?), and the day is the one in the
 * zone given (the workspace's for boards and seasons), not UTC's. Chat messages are one text for a
 * whole channel, written in English, so they use the en-GB order; the playground page, which knows its
 * viewer, formats the same fields in the viewer's own locale and zone (`formatDate` in
 * src/adapters/web/public/dom.js uses these options). Times of day go through daily/format.ts.
 */
export const DATE_FIELDS: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };

const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatDate(at: string | Date, timezone: string): string {
  let format = formatters.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { ...DATE_FIELDS, timeZone: timezone });
    formatters.set(timezone, format);
  }
  return format.format(typeof at === 'string' ? new Date(at) : at);
}

/** `3 Dec 2026 to 17 Dec 2026`: a season's span. */
export function formatDateSpan(from: string | Date, to: string | Date, timezone: string): string {
  return `${formatDate(from, timezone)} to ${formatDate(to, timezone)}`;
}
