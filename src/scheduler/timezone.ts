import type { Parsed } from './types.js';

const HINT = 'use an IANA name like Europe/Berlin';

/**
 * Accepts whatever the runtime's tz database knows (case-insensitive, aliases included)
 * and returns its canonical spelling, so "europe/berlin" and "Europe/Berlin" are one zone.
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
    return { ok: true, value: canonical };
  } catch {
    return { ok: false, error };
  }
}
