import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, HAS_CHROMIUM, REQUIRED, playgroundSession, textOf, typeCommand } from './playground-page.js';
import { seedsWithHostile } from './test-bank.js';

const BANK = seedsWithHostile();
const only = (page: Page, text: string | RegExp) => page.locator('.only-you-msg', { hasText: text });
const seconds = (text: string) => Number(/^in (\d+)s$/.exec(text)?.[1] ?? Number.NaN);

const type = typeCommand;

describe.skipIf(!HAS_CHROMIUM && !REQUIRED)('buttons that remember, and quiz countdowns, in headless Chromium (real server, engine and page)', { timeout: 60_000 }, () => {
  const session = playgroundSession({ bank: BANK, height: 1000 });
  const open = session.open;

  it('a daily grade replaces the private answer in place, the pick marked ✓ and off; a changed grade moves the mark', async () => {
    const { page, errors } = await open('Ada');
    const post = page.locator('.msg.daily').first();
    await post.getByRole('button', { name: /React 👀 to see the answer/ }).click();
    const answer = only(page, 'Answer to daily question #1');
    await answer.waitFor();
    const id = await answer.getAttribute('data-id');
    const mine = page.locator(`.msg[data-id="${id}"]`);
    const count = await page.locator('#messages > li').count();

    await mine.getByRole('button', { name: 'Partly' }).click();
    const picked = mine.locator('.actions button.btn-selected');
    await expect.poll(textOf(picked)).toBe('✓ Partly');
    expect(await picked.isDisabled()).toBe(true);
    expect(await picked.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(textOf(mine)).toMatch(/Recorded: Partly \(\+1\)/);
    // The same message, not a new one under it; the answer is still there to read.
    expect(await page.locator('#messages > li').count()).toBe(count);
    await expect.poll(textOf(mine)).toMatch(/Answer to daily question #1/);

    await mine.getByRole('button', { name: 'Got it' }).click();
    await expect.poll(textOf(picked)).toBe('✓ Got it');
    await expect.poll(textOf(mine)).toMatch(/Changed from Partly to Got it \(\+2\)/);
    expect(await mine.getByRole('button', { name: 'Partly' }).isEnabled()).toBe(true);
    // The channel post serves everyone: its Reveal is still live.
    expect(await post.getByRole('button', { name: 'Reveal' }).isEnabled()).toBe(true);
    await mine.screenshot({ path: path.join(ARTIFACTS, 'buttons-daily-graded.png') });

    // Reveal again after grading: the answer comes back with the grade marked ✓, as it was left.
    await post.getByRole('button', { name: 'Reveal' }).click();
    const again = only(page, 'Your grade: Got it');
    await again.waitFor();
    await expect.poll(textOf(again.locator('.actions button.btn-selected'))).toBe('✓ Got it');
    expect(await again.getByRole('button', { name: 'Partly' }).isEnabled()).toBe(true);
    await again.screenshot({ path: path.join(ARTIFACTS, 'buttons-daily-reveal-again.png') });
    expect(errors).toEqual([]);
  });

  it('a quiz question counts down live; an answer comes back privately with the pick marked; a closed question shows its whole answer', async () => {
    const { page, errors } = await open('Grace');
    // Solo: an answer closes the question at once, so the closed post shows without waiting out the 30 s.
    await type(page, 'quiz category:mlops count:2 solo:yes');
    const first = page.locator('.msg', { hasText: 'Question 1 of 2' }).first();
    await first.waitFor();
    const clock = first.locator('time.countdown');
    await expect.poll(textOf(first.locator('.deadline'))).toMatch(/^(30s to answer|reveal, then grade yourself · 30s) · closes in \d+s$/);
    const before = seconds(await textOf(clock)());
    expect(before).toBeGreaterThan(20);
    expect(before).toBeLessThanOrEqual(30);
    // It counts down by itself, with no new message from the server.
    await expect.poll(async () => seconds(await textOf(clock)()), { timeout: 5_000 }).toBeLessThan(before);

    const buttons = first.locator('.actions button');
    const kind = await buttons.first().textContent();
    if (kind === 'Reveal answer') {
      await buttons.first().click();
      const card = only(page, 'How did you do?');
      await card.getByRole('button', { name: 'Got it' }).click();
      await expect.poll(textOf(page.locator('.only-you-msg .btn-selected').first())).toBe('✓ Got it');
    } else {
      await buttons.filter({ hasText: /^B$/ }).click();
      const answered = only(page, 'Your answer to question 1 of 2');
      await answered.waitFor();
      await expect.poll(textOf(answered.locator('.btn-selected'))).toBe('✓ B');
      expect(await answered.locator('.actions button:not([disabled])').count()).toBe(0);
      // Closed: the post shows the answer in full, not only the short form that was the choice.
      await expect.poll(textOf(first)).toMatch(/Answer: [A-D]/);
      const full = await first.locator('.md').allTextContents();
      expect(full.join(' ').length).toBeGreaterThan(200);
    }
    await expect.poll(() => first.locator('time.countdown').count()).toBe(0);
    expect(await first.locator('.actions button:not([disabled])').count()).toBe(0);
    await first.screenshot({ path: path.join(ARTIFACTS, 'buttons-quiz-closed.png') });

    const second = page.locator('.msg', { hasText: 'Question 2 of 2' }).first();
    await second.waitFor();
    await expect.poll(textOf(second.locator('time.countdown'))).toMatch(/^in \d+s$/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'buttons-quiz-countdown.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
