import type { Parsed } from './types.js';

const HINT = 'use an IANA name like Europe/Berlin';

/**
 * Accepts whatever the runtime's tz database knows (case-insensitive, aliases included).
 * A name the runtime knows under the same spelling comes back in its canonical case, so
 * "europe/berlin" and "Europe/Berlin" are one zone. A name the runtime renames (its ICU
 * still says Asia/Calcutta for Asia/Kolkata, Europe/Kiev for Europe/Kyiv) comes back as the
 * person wrote it: it works in every Intl call just the same, and people read back their
 * own words instead of a spelling their city dropped years ago.
 * Fixed offsets like "+02:00" are refused even where the runtime accepts them: they
 * silently ignore DST, which is exactly what a channel schedule must not do.
 */
export function parseTimezone(input: string): Parsed<string> {
  const name = input.trim();
  if (name === '') return { ok: false, error: `a timezone is required (${HINT})` };
  const error = `\`${name}\` is not a timezone (${HINT})`;
  if (/^[+-]\d/.test(name)) return { ok: false, error };
  try {
    const canonical = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    return { ok: true, value: canonical.toLowerCase() === name.toLowerCase() ? canonical : name };
  } catch {
    return { ok: false, error };
  }
}

/**
 * `daily set 09:30 Europe/Berlin`, `practice remind 07:30 UTC`: a zone typed where the days go is still
 * plainly a zone (it has a slash, or is UTC or GMT), so it is taken as the zone when none was given.
 */
export function zoneTypedAsDays(days: string | undefined, timezone: string | undefined): { days: string | undefined; timezone: string | undefined } {
  if (days !== undefined && timezone === undefined && (days.includes('/') || /^(utc|gmt)$/i.test(days.trim()))) return { days: undefined, timezone: days };
  return { days, timezone };
}
