import { describe, expect, it } from 'vitest';
import { calendarDay, fallbackDate, formatDate, dayUnixSeconds } from '../../src/core/dates.js';
import { dateSlot, dated, fillDates, joinDated, replyText } from '../../src/core/reply.js';

describe('calendar dates (core/dates.ts)', () => {
  it('takes the day an instant falls on in the zone given, not UTC’s', () => {
    const late = '2026-12-03T23:30:00Z';
    expect(calendarDay(late, 'UTC')).toEqual({ day: '2026-12-03' });
    expect(calendarDay(late, 'Europe/Berlin')).toEqual({ day: '2026-12-04' });
    expect(calendarDay(new Date('2026-01-01T03:00:00Z'), 'America/New_York')).toEqual({ day: '2025-12-31' });
  });

  it('falls back to `3 Dec 2026` in plain text, and gives platforms 10:00 UTC of the day', () => {
    expect(fallbackDate({ day: '2026-12-03' })).toBe('3 Dec 2026');
    expect(formatDate('2026-12-03T23:30:00Z', 'Europe/Berlin')).toBe('4 Dec 2026');
    expect(dayUnixSeconds({ day: '2026-12-03' })).toBe(Date.parse('2026-12-03T10:00:00Z') / 1000);
  });
});

describe('dated blocks (core/reply.ts)', () => {
  const start = { day: '2026-09-01' };
  const end = { day: '2026-11-30' };

  it('carry dates as data, in slots the adapters fill; plain text writes the fallback', () => {
    const block = dated`**Season ${'Autumn'}** · ${start} to ${end}`;
    expect(block).toEqual({ type: 'dated', markdown: `**Season Autumn** · ${dateSlot(0)} to ${dateSlot(1)}`, dates: [start, end] });
    expect(replyText({ blocks: [block] })).toBe('**Season Autumn** · 1 Sept 2026 to 30 Nov 2026');
    expect(fillDates(block.markdown, block.dates, (d) => `<${d.day}>`)).toBe('**Season Autumn** · <2026-09-01> to <2026-11-30>');
  });

  it('never let a person’s text move a date: slot marks in strings are taken out', () => {
    const sneaky = `x${dateSlot(1)}y`;
    const block = dated`${sneaky} since ${start}`;
    expect(block.markdown).toBe(`x1y since ${dateSlot(0)}`);
    expect(replyText({ blocks: [block] })).toBe('x1y since 1 Sept 2026');
  });

  it('join into one block of lines, each date kept with its own line', () => {
    const joined = joinDated([dated`**Past seasons**`, dated`• A · ${start} to ${end}`, dated`• B · ${end} to ${start}`]);
    expect(joined.dates).toEqual([start, end, end, start]);
    expect(replyText({ blocks: [joined] })).toBe('**Past seasons**\n• A · 1 Sept 2026 to 30 Nov 2026\n• B · 30 Nov 2026 to 1 Sept 2026');
  });
});
