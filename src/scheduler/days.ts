import type { Parsed, Weekday } from './types.js';

export const EVERY_DAY: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];
const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5];
const WEEKENDS: readonly Weekday[] = [0, 6];

const SHORT_NAMES: readonly string[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const LONG_NAMES: readonly string[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const KEYWORDS: Readonly<Record<string, readonly Weekday[]>> = {
  daily: EVERY_DAY,
  weekdays: WEEKDAYS,
  weekends: WEEKENDS,
};

/**
 * `daily` (also the default when empty), `weekdays`, `weekends`, or a comma list of day
 * names and ranges (`mon,wed,fri`, `mon-fri`, `fri-mon` wraps past the weekend).
 */
export function parseDays(input: string | undefined): Parsed<readonly Weekday[]> {
  const text = (input ?? '').trim().toLowerCase();
  if (text === '') return { ok: true, value: EVERY_DAY };

  const chosen = new Set<Weekday>();
  for (const rawToken of text.split(',')) {
    const token = rawToken.trim();
    const days = parseToken(token);
    if (!days) return { ok: false, error: `\`${token}\` is not a day (use mon–sun, weekdays, weekends or daily)` };
    for (const day of days) chosen.add(day);
  }
  return { ok: true, value: [...chosen].sort((a, b) => a - b) };
}

function parseToken(token: string): readonly Weekday[] | undefined {
  const keyword = KEYWORDS[token];
  if (keyword) return keyword;
  const single = dayFromName(token);
  if (single !== undefined) return [single];

  const range = /^([a-z]+)\s*[-–]\s*([a-z]+)$/.exec(token);
  if (!range) return undefined;
  const first = dayFromName(range[1] ?? '');
  const last = dayFromName(range[2] ?? '');
  if (first === undefined || last === undefined) return undefined;
  const days: Weekday[] = [first];
  for (let day = first; day !== last; ) {
    day = ((day + 1) % 7) as Weekday;
    days.push(day);
  }
  return days;
}

function dayFromName(name: string): Weekday | undefined {
  const index = Math.max(SHORT_NAMES.indexOf(name), LONG_NAMES.indexOf(name));
  return index >= 0 ? (index as Weekday) : undefined;
}

const DISPLAY_ORDER: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 0];
const DISPLAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** "every day", "on weekdays", "on weekends", or "on Mon, Wed–Fri" (Monday-first). */
export function describeDays(days: readonly Weekday[]): string {
  const set = new Set(days);
  if (set.size === 7) return 'every day';
  if (sameDays(set, WEEKDAYS)) return 'on weekdays';
  if (sameDays(set, WEEKENDS)) return 'on weekends';

  const runs: Weekday[][] = [];
  for (const day of DISPLAY_ORDER) {
    if (!set.has(day)) continue;
    const current = runs.at(-1);
    const previous = current?.at(-1);
    if (current && previous !== undefined && DISPLAY_ORDER.indexOf(previous) === DISPLAY_ORDER.indexOf(day) - 1) {
      current.push(day);
    } else {
      runs.push([day]);
    }
  }
  const parts = runs.flatMap((run) => {
    const first = run[0];
    const last = run.at(-1);
    if (first === undefined || last === undefined) return [];
    if (run.length >= 3) return [`${DISPLAY_NAMES[first]}–${DISPLAY_NAMES[last]}`];
    return run.map((day) => DISPLAY_NAMES[day]);
  });
  return `on ${parts.join(', ')}`;
}

function sameDays(set: ReadonlySet<Weekday>, days: readonly Weekday[]): boolean {
  return set.size === days.length && days.every((day) => set.has(day));
}
