import { describe, expect, it } from 'vitest';
import { zoneTypedAsDays } from '../../src/scheduler/index.js';

describe('a zone typed where the days go', () => {
  it('is the zone when it has a slash or is UTC/GMT and no zone was given', () => {
    expect(zoneTypedAsDays('Europe/Berlin', undefined)).toEqual({ days: undefined, timezone: 'Europe/Berlin' });
    expect(zoneTypedAsDays(' utc ', undefined)).toEqual({ days: undefined, timezone: ' utc ' });
    expect(zoneTypedAsDays('GMT', undefined)).toEqual({ days: undefined, timezone: 'GMT' });
  });

  it('stays the days when they read as days, or when a zone was typed too', () => {
    expect(zoneTypedAsDays('weekdays', undefined)).toEqual({ days: 'weekdays', timezone: undefined });
    expect(zoneTypedAsDays('mon,wed,fri', 'Asia/Tokyo')).toEqual({ days: 'mon,wed,fri', timezone: 'Asia/Tokyo' });
    expect(zoneTypedAsDays('Europe/Berlin', 'Asia/Tokyo')).toEqual({ days: 'Europe/Berlin', timezone: 'Asia/Tokyo' });
    expect(zoneTypedAsDays(undefined, undefined)).toEqual({ days: undefined, timezone: undefined });
  });
});
