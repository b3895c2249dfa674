import path from 'node:path';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, HAS_CHROMIUM, REQUIRED, playgroundSession, textOf, typeCommand } from './playground-page.js';
import { seedsWithHostile } from './test-bank.js';

const BANK = seedsWithHostile();
/** As laid out (innerText): the figures' label and value are separate blocks. */
// biome-ignore lint/performance/useDomNodeTextContent: the layout's line breaks are what separate label and value here
const shownText = (locator: Locator) => async () => ((await locator.count()) === 0 ? '' : (await locator.first().innerText()).replace(/\s+/g, ' ').trim());

const type = typeCommand;

describe.skipIf(!HAS_CHROMIUM && !REQUIRED)('practice in the playground page, headless Chromium (real server, engine and practice service)', { timeout: 60_000 }, () => {
  const session = playgroundSession({ bank: BANK, height: 900 });
  const open = session.open;

  it('practice → Show answer → grade → next card → summary in one "only you" message, then the personal page charts it', async () => {
    const { page, errors } = await open('Ada');
    await type(page, 'practice settings new 2');
    await type(page, 'practice');
    const card = page.locator('.only-you-msg', { hasText: 'Practice · card 1' });
    await card.waitFor();
    const id = await card.getAttribute('data-id');
    const theCard = page.locator(`.msg[data-id="${id}"]`);
    const messages = await page.locator('#messages > li').count();

    await theCard.getByRole('button', { name: 'Show answer' }).click();
    await theCard.getByRole('button', { name: /^Good/ }).waitFor();
    // The answer took the card's place: no new line, and the keyboard lands on the first grade.
    expect(await page.locator('#messages > li').count()).toBe(messages);
    await expect.poll(textOf(page.locator(':focus'))).toMatch(/^Again/);
    await expect.poll(textOf(theCard.locator('.actions').first())).toMatch(/Again · .*Hard · .*Good · .*Easy · /);
    await page.screenshot({ path: path.join(ARTIFACTS, 'practice-answer.png') });

    await theCard.getByRole('button', { name: /^Good/ }).click();
    await expect.poll(textOf(theCard)).toMatch(/Good: this card comes back in \d+ minutes.*Practice · card 2/);
    await theCard.getByRole('button', { name: 'Show answer' }).click();
    await theCard.getByRole('button', { name: /^Again/ }).click();
    await expect.poll(textOf(theCard)).toMatch(/Practice done: 2 reviewed, 50% correct/);
    expect(await theCard.getByRole('button').count()).toBe(0);
    expect(await page.locator('#messages > li').count()).toBe(messages);
    // Nobody else sees any of it.
    const bob = (await (await fetch(`${session.harness().url}/api/messages?user=Bob`)).json()) as { messages: { id: string }[] };
    expect(bob.messages.map((m) => m.id)).not.toContain(id);
    await page.screenshot({ path: path.join(ARTIFACTS, 'practice-channel.png'), fullPage: true });

    await type(page, 'practice remind 07:30 weekdays Europe/Berlin');
    await page.locator('.tabs a', { hasText: 'My practice' }).click();
    const figures = page.locator('#practice-figures');
    await expect.poll(shownText(figures)).toMatch(/Cards learned 2 .*Due today 2 .*Due in 7 days 2 .*Retention, 30 days 50% 2 reviews .*Practice streak 1 day/);
    const bars = page.locator('#practice-forecast svg .bar');
    expect(await bars.count()).toBe(7);
    await expect.poll(textOf(bars.first().locator('text.value'))).toBe('2');
    expect(await bars.first().locator('text.axis').textContent()).toBe('Today');
    expect(Number(await bars.first().locator('rect').getAttribute('height'))).toBeGreaterThan(100);
    expect(Number(await bars.nth(1).locator('rect').getAttribute('height'))).toBe(0);
    expect(await page.locator('#practice-forecast svg').getAttribute('aria-label')).toMatch(/^Cards due per day\. Today: 2, \w{3} \d+: 0/);
    const started = page.locator('#practice-mastery .mastery li').first();
    await expect.poll(() => started.locator('.mastery-track').getAttribute('aria-label')).toMatch(/0% mastered, [12] of \d+ started/);
    expect(await started.locator('.mastery-started').getAttribute('style')).toMatch(/^width: [1-9]\d*(\.\d+)?%;$/);
    await expect.poll(textOf(page.locator('#practice-reminder'))).toBe('Reminder: 07:30 on weekdays, Europe/Berlin. practice remind off stops it.');
    await page.screenshot({ path: path.join(ARTIFACTS, 'practice-page.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('the personal page of someone who has not practised says how to start, with no chart and no error', async () => {
    const { page, errors } = await open('Newcomer');
    await page.locator('.tabs a', { hasText: 'My practice' }).click();
    await expect.poll(textOf(page.locator('#practice-forecast'))).toBe('Nothing learned yet. Type practice in the channel to start.');
    await expect.poll(shownText(page.locator('#practice-figures'))).toMatch(/Cards learned 0 .*Retention, 30 days – no reviews yet/);
    expect(await page.locator('#practice-mastery .mastery li').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'practice-page-empty.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
