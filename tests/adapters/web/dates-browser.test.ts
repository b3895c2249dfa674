import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { calendarDay } from '../../../src/core/dates.js';
import { ARTIFACTS, HAS_CHROMIUM, REQUIRED, playgroundSession, textOf, typeCommand } from './playground-page.js';
import { hostileBank } from './test-bank.js';

/** What the viewer's own Intl writes for a day (read at noon UTC, written in UTC: the same day everywhere). */
const inLocale = (locale: string, day: string) =>
  new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));

describe.skipIf(!HAS_CHROMIUM && !REQUIRED)('dates in chat, in the viewer’s own locale, in headless Chromium (real server, engine and page)', { timeout: 60_000 }, () => {
  const session = playgroundSession({ bank: hostileBank(), height: 800 });

  it.each([['de-DE'], ['en-US']])('season status and archive write the day the workspace lived in the viewer’s locale (%s)', async (locale) => {
    const { page, errors, h } = await session.open('Ada', { locale, timezoneId: 'Pacific/Honolulu' });
    const ws = { platform: 'web' as const, workspaceId: 'local' };
    const today = calendarDay(new Date(), await h.engine.services.scoring.timezoneOf(ws)).day;
    const scoring = h.engine.services.scoring;
    await scoring.startSeason(ws, 'Autumn', new Date('2026-09-01T12:00:00Z'));
    await scoring.endSeason(ws, new Date('2026-11-30T12:00:00Z'));

    await typeCommand(page, 'season start Winter');
    await typeCommand(page, 'season status');
    const status = page.locator('.only-you-msg', { hasText: 'is running since' }).last();
    await expect.poll(textOf(status.locator('.md'))).toBe(`Season Winter is running since ${inLocale(locale, today)}.`);
    expect(await status.locator('time.date').getAttribute('datetime')).toBe(today);

    await typeCommand(page, 'season archive');
    const archive = page.locator('.only-you-msg', { hasText: 'Past seasons' }).last();
    await expect.poll(textOf(archive)).toContain(`• Autumn · ${inLocale(locale, '2026-09-01')} to ${inLocale(locale, '2026-11-30')}`);
    // Never the numeric 12/3/2026 form, never the server's own words when the page can write its own.
    expect(await textOf(archive)()).not.toMatch(/\d+\/\d+\/\d{4}/);
    await page.locator('#messages').screenshot({ path: path.join(ARTIFACTS, `dates-chat-${locale}.png`) });
    expect(errors).toEqual([]);
  });
});
