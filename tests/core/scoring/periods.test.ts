import { describe, expect, it } from 'vitest';
import { isoWeekOf, monthId, monthLabel, weekId, weekLabel } from '../../../src/core/scoring/periods.js';

describe('weeks and months in a timezone', () => {
  it('puts Sunday 23:30 in New York in that week, though it is already Monday in UTC', () => {
    const at = new Date('2026-11-30T04:30:00Z'); // Sun 29 Nov 23:30 EST
    expect(weekId(at, 'America/New_York')).toBe('2026-W48');
    expect(weekId(at, 'UTC')).toBe('2026-W49');
  });

  it('starts the week on Monday at local midnight', () => {
    expect(weekId(new Date('2026-11-30T04:59:59Z'), 'America/New_York')).toBe('2026-W48');
    expect(weekId(new Date('2026-11-30T05:00:00Z'), 'America/New_York')).toBe('2026-W49');
  });

  it('follows ISO 8601 at year ends (the week holding Thursday decides the year)', () => {
    expect(isoWeekOf({ year: 2027, month: 1, day: 1 })).toMatchObject({ year: 2026, week: 53 });
    expect(isoWeekOf({ year: 2024, month: 12, day: 30 })).toMatchObject({ year: 2025, week: 1 });
    expect(isoWeekOf({ year: 2026, month: 1, day: 1 })).toMatchObject({ year: 2026, week: 1 });
  });

  it('splits months at local midnight too', () => {
    const at = new Date('2026-12-01T03:00:00Z'); // still 30 Nov in New York
    expect(monthId(at, 'America/New_York')).toBe('2026-11');
    expect(monthId(at, 'Europe/Berlin')).toBe('2026-12');
  });

  it('labels periods for people', () => {
    const at = new Date('2026-11-25T12:00:00Z');
    expect(weekLabel(at, 'UTC')).toBe('week 48, 2026 (23 Nov – 29 Nov)');
    expect(monthLabel(at, 'UTC')).toBe('November 2026');
  });
});
