import path from 'node:path';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { messages } from './harness.js';
import { ARTIFACTS, HAS_CHROMIUM, REQUIRED, playgroundSession, textOf } from './playground-page.js';
import { seedsWithHostile } from './test-bank.js';

const BANK = seedsWithHostile();
async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not on screen');
  return b;
}

/** Issue #15's playground parts: whose a message is, a bank page you can scan, one chip per reaction. */
describe.skipIf(!HAS_CHROMIUM && !REQUIRED)('the playground page in headless Chromium: who said what, the bank in pages, reactions', { timeout: 60_000 }, () => {
  const session = playgroundSession({ bank: BANK, height: 900 });
  const open = session.open;

  it('puts "Ada used …" on its own line with Ada’s avatar, above the bot’s avatar and name', async () => {
    const { page, errors } = await open('Ada');
    const input = page.getByLabel('Command', { exact: true });
    await input.fill('bank search LoRA');
    await input.press('Enter');
    const reply = page.locator('.msg', { hasText: 'Questions matching' }).last();
    await expect.poll(textOf(reply.locator('.invoked'))).toBe('Ada used /recall bank search LoRA');
    expect(await reply.locator('.invoked .avatar-person').getAttribute('data-initial')).toBe('A');

    const invoked = await box(reply.locator('.invoked'));
    const person = await box(reply.locator('.invoked .avatar-person'));
    const bot = await box(reply.locator('.avatar-bot'));
    const head = await box(reply.locator('.msg-head'));
    // The person's avatar is on the command line; the bot's sits below it, level with "Recall APP".
    expect(person.y + person.height).toBeLessThanOrEqual(invoked.y + invoked.height + 1);
    expect(bot.y).toBeGreaterThanOrEqual(invoked.y + invoked.height - 1);
    expect(Math.abs(bot.y - head.y)).toBeLessThan(8);
    expect(person.width).toBeLessThan(bot.width);
    // A message nobody's command caused has no such line, and its avatar is still the bot's, level with its name.
    const daily = page.locator('.msg.daily').first();
    expect(await daily.locator('.invoked').count()).toBe(0);
    expect(Math.abs((await box(daily.locator('.avatar-bot'))).y - (await box(daily.locator('.msg-head'))).y)).toBeLessThan(8);
    await reply.screenshot({ path: path.join(ARTIFACTS, 'channel-command-echo.png') });
    expect(errors).toEqual([]);
  });

  it('shows the bank 20 questions a page with answers folded away, pages with the filter, and searches the full-text index', async () => {
    const { page, errors } = await open('Ada');
    await page.locator('.tabs a', { hasText: 'Question bank' }).click();
    await expect.poll(textOf(page.locator('#bank-count'))).toMatch(/^Questions 1–20 of 3\d\d\.$/);
    expect(await page.locator('.question-item').count()).toBe(20);
    // Every answer is there but folded: nothing of it shows until asked for.
    const answers = page.locator('.question-item .answer');
    expect(await answers.count()).toBeGreaterThan(0);
    expect(await page.locator('.question-item .answer:visible').count()).toBe(0);
    // Was ~8,870 px for 50 cards with no answers shown; a page of 20 now fits in about a quarter of that.
    const height = await page.evaluate<number>('document.documentElement.scrollHeight');
    await page.screenshot({ path: path.join(ARTIFACTS, 'bank-page-1.png'), fullPage: true });
    expect(height).toBeLessThan(3_200);

    const answeredId = await page
      .locator('.question-item', { has: page.getByRole('button', { name: 'Show answer' }) })
      .first()
      .getAttribute('data-id');
    const answered = page.locator(`.question-item[data-id="${answeredId}"]`);
    await answered.getByRole('button', { name: 'Show answer' }).click();
    await expect.poll(() => answered.locator('.answer').isVisible()).toBe(true);
    expect(await answered.getByRole('button', { name: 'Hide answer' }).getAttribute('aria-expanded')).toBe('true');
    await page.screenshot({ path: path.join(ARTIFACTS, 'bank-paged.png'), fullPage: true });

    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(textOf(page.locator('#bank-count'))).toMatch(/^Questions 21–40 of 3\d\d\.$/);
    await expect.poll(textOf(page.locator('#bank-pages'))).toMatch(/Page 2 of 1\d/);
    expect(await page.getByRole('button', { name: 'Previous page' }).isEnabled()).toBe(true);

    // A filter starts again at page 1, and pages within what it kept.
    await page.getByLabel('Category', { exact: true }).selectOption('Reinforcement Learning');
    await expect.poll(textOf(page.locator('#bank-count'))).toBe('Questions 1–15 of 15.');
    expect(await page.locator('#bank-pages').isHidden()).toBe(true);
    await page.getByLabel('Category', { exact: true }).selectOption('');

    await page.getByLabel('Search', { exact: true }).fill('LoRA');
    await expect.poll(textOf(page.locator('.question-item .question-text'))).toMatch(/\bLoRA\b/);
    expect(await page.locator('.question-item', { hasText: 'exploration-exploitation' }).count()).toBe(0);
    const chunking = await session.harness().json<{ total: number }>('/api/bank?q=chunking');
    expect(chunking.total).toBeGreaterThan(0);
    await page.getByLabel('Search', { exact: true }).fill('chunking');
    await expect.poll(textOf(page.locator('#bank-count'))).toBe(`Questions 1–${chunking.total} of ${chunking.total}.`);
    const first = page.locator(`.question-item[data-id="${await page.locator('.question-item').first().getAttribute('data-id')}"]`);
    await first.getByRole('button', { name: 'Show answer' }).click();
    await expect.poll(textOf(first.locator('.answer'))).toMatch(/chunking/i);
    await page.screenshot({ path: path.join(ARTIFACTS, 'bank-search-chunking.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('shows one 👀 chip when one person reacted with the text `eyes` and another with 👀', async () => {
    const { page, errors } = await open('Ada');
    const post = (await messages(session.harness(), 'Ada')).find((m) => m.daily);
    await session.harness().post('/api/reaction', { user: 'Bob', messageId: post?.id, emoji: 'eyes' });
    await session.harness().post('/api/reaction', { user: 'Cy', messageId: post?.id, emoji: '👀' });
    const chips = page.locator('.msg.daily').first().locator('.reaction');
    await expect.poll(textOf(chips)).toMatch(/ 2$/);
    expect(await chips.count()).toBe(1);
    expect(await chips.first().getAttribute('aria-label')).toBe('React 👀 to see the answer (2)');

    await chips.first().click();
    await expect.poll(() => chips.first().getAttribute('aria-pressed')).toBe('true');
    expect(await chips.count()).toBe(1);
    await expect.poll(textOf(chips)).toMatch(/ 3$/);
    await page
      .locator('.msg.daily')
      .first()
      .screenshot({ path: path.join(ARTIFACTS, 'reactions-one-chip.png') });
    expect(errors).toEqual([]);
  });
});
