/**
 * Calendar dates with no time zone attached, counted as whole days since 1970-01-01.
 * UTC Date methods are used purely as a proleptic Gregorian calculator here.
 */
export interface CivilDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export const MS_PER_DAY = 86_400_000;
export const MS_PER_MINUTE = 60_000;
/** The Gregorian calendar repeats every 400 years; any date pattern that never matches in one cycle never will. */
export const DAYS_PER_GREGORIAN_CYCLE = 146_097;

export function dayNumberOf({ year, month, day }: CivilDate): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function civilDateOf(dayNumber: number): CivilDate {
  const date = new Date(dayNumber * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** 0 = Sunday; day 0 (1970-01-01) was a Thursday. */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}
