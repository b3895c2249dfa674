import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, CHROMIUM, HAS_CHROMIUM, REQUIRED, playgroundSession, rememberName, textOf } from './playground-page.js';
import { seedsWithHostile } from './test-bank.js';

if (!HAS_CHROMIUM && !REQUIRED) {
  process.stderr.write(`\n*** SKIPPING the playground browser tests: no Chromium at ${CHROMIUM}. Install it (apt-get install chromium) or set RECALL_CHROMIUM. ***\n\n`);
}

/** Parsed once: every test gets its own server and store over the same (read-only) bank. */
const BANK = seedsWithHostile();

const only = (page: Page, text: string | RegExp) => page.locator('.only-you-msg', { hasText: text });

// A browser on a busy two-core machine needs more room than the suite's 20 s default.
describe.skipIf(!HAS_CHROMIUM && !REQUIRED)('the playground page in headless Chromium (real server, real engine)', { timeout: 60_000 }, () => {
  // Chromium for the block; each test's server and context are closed after it.
  const session = playgroundSession({ bank: BANK, height: 900 });
  const open = session.open;
  const h = () => session.harness();

  it('opens on the daily question; 👀 reveals the answer to me alone, grading it puts me on the leaderboard', async () => {
    const { page, requests, errors, context } = await open('Ada');
    await page.locator('.tabs a', { hasText: 'Leaderboards' }).click();
    await expect.poll(textOf(page.locator('#board'))).toContain('No points on this board yet');
    await page.locator('.tabs a', { hasText: 'Channel' }).click();

    const post = page.locator('.msg.daily').first();
    await expect.poll(textOf(post.locator('.embed-title'))).toBe('Daily question');
    await page.screenshot({ path: path.join(ARTIFACTS, 'channel-before-reveal.png') });
    await post.getByRole('button', { name: /React 👀 to see the answer/ }).click();
    const answer = only(page, 'Answer to daily question #1');
    await answer.waitFor();
    await expect.poll(textOf(answer.locator('.only-you'))).toMatch(/Only you can see this/);
    await expect.poll(() => post.locator('.reaction.mine').getAttribute('aria-pressed')).toBe('true');

    await answer.getByRole('button', { name: 'Got it' }).click();
    await only(page, /Recorded: Got it \(\+3\)/).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'channel.png'), fullPage: true });

    await page.locator('.tabs a', { hasText: 'Leaderboards' }).click();
    const row = page.locator('#board tr.you');
    await expect.poll(textOf(row)).toContain('Ada (you)');
    await expect.poll(textOf(row)).toContain('3');
    await expect.poll(textOf(page.locator('#board .own'))).toBe('You: #1 with 3 points');
    await page.locator('#chart svg.chart').waitFor({ state: 'visible' });
    await expect.poll(textOf(page.locator('#chart .legend'))).toContain('Ada (you)');
    await page.screenshot({ path: path.join(ARTIFACTS, 'boards.png'), fullPage: true });

    // Bob, in his own browser, sees the reaction count but not Ada's answer.
    const bob = await context.browser()!.newContext();
    await bob.addInitScript({ content: rememberName('Bob') });
    const bobPage = await bob.newPage();
    await bobPage.goto(h().url);
    await bobPage.locator('.msg.daily').first().waitFor();
    await expect.poll(() => bobPage.locator('.msg.daily .reaction').getAttribute('aria-label')).toMatch(/React 👀 to see the answer \(1\)/);
    await expect.poll(() => bobPage.locator('.only-you-msg').count()).toBe(0);
    await bob.close();

    expect(
      requests.every((u) => u.startsWith(h().url)),
      requests.join('\n'),
    ).toBe(true);
    expect(errors).toEqual([]);
  });

  it.each([
    ['en-US', 'America/New_York', 'Running: Winter since Dec 3, 2026', 'Autumn (Sep 1, 2026 – Nov 30, 2026)'],
    ['de-DE', 'Europe/Berlin', 'Running: Winter since 4. Dez. 2026', 'Autumn (1. Sept. 2026 – 1. Dez. 2026)'],
  ])('writes season dates in the viewer’s locale and zone with a month name, never 12/3/2026 (%s)', async (locale, timezoneId, running, archived) => {
    const { page, errors } = await open('Ada', { locale, timezoneId });
    const scoring = h().engine.services.scoring;
    const ws = { platform: 'web' as const, workspaceId: 'local' };
    await scoring.startSeason(ws, 'Autumn', new Date('2026-09-01T12:00:00Z'));
    await scoring.endSeason(ws, new Date('2026-12-01T02:00:00Z'));
    // 23:30 UTC on 3 December: still the 3rd in New York, already the 4th in Berlin.
    await scoring.startSeason(ws, 'Winter', new Date('2026-12-03T23:30:00Z'));
    await page.locator('.tabs a', { hasText: 'Leaderboards' }).click();
    await expect.poll(textOf(page.locator('#seasons p').first())).toBe(running);
    await expect.poll(textOf(page.locator('#seasons summary').first())).toBe(archived);
    await page.screenshot({ path: path.join(ARTIFACTS, `seasons-${locale}.png`), fullPage: false });
    expect(errors).toEqual([]);
  });

  it('runs a solo quiz typed in the text box, buttons and all', async () => {
    const { page, errors } = await open('Grace');
    const input = page.getByLabel('Command', { exact: true });
    await input.fill('quiz count:1 solo:yes');
    await input.press('Enter');
    const announce = page.locator('.msg', { hasText: 'Solo quiz for Grace' });
    await announce.waitFor();
    await expect.poll(textOf(announce.locator('.invoked'))).toBe('Grace used /recall quiz count:1 solo:yes');

    const question = page.locator('.msg', { has: page.locator('.actions') }).last();
    const first = question.locator('.actions button').first();
    if ((await first.textContent()) === 'Reveal answer') {
      await first.click();
      await only(page, 'How did you do?').getByRole('button', { name: 'Got it' }).click();
    } else {
      await first.click();
    }
    await page.locator('.msg', { hasText: 'Quiz over!' }).waitFor();
    await page.locator('.actions button:disabled').first().waitFor({ state: 'visible' });
    await page.screenshot({ path: path.join(ARTIFACTS, 'channel-quiz.png') });
    expect(errors).toEqual([]);
  });

  it('filters the bank by category, tag and answer, searches it, and previews Discord and Slack side by side', async () => {
    const { page, errors } = await open('Ada');
    await page.locator('.tabs a', { hasText: 'Question bank' }).click();
    await expect.poll(textOf(page.locator('#bank-count'))).toMatch(/Questions 1–20 of 3\d\d\./);

    await page.getByLabel('Category', { exact: true }).selectOption('Prompt Engineering');
    await expect.poll(textOf(page.locator('#bank-count'))).toMatch(/Questions 1–\d+ of \d+\./);
    await expect.poll(textOf(page.locator('.question-item .category').first())).toBe('Prompt Engineering');
    const categories = await page.locator('.question-item .category').allTextContents();
    expect(new Set(categories)).toEqual(new Set(['Prompt Engineering']));

    await page.getByLabel('Category', { exact: true }).selectOption('');
    await page.getByLabel('Answer', { exact: true }).selectOption('no');
    await expect.poll(() => page.locator('.question-item .badge.ok').count()).toBe(0);
    await page.getByLabel('Answer', { exact: true }).selectOption('all');

    await page.getByLabel('Tag', { exact: true }).selectOption('security');
    await expect.poll(() => page.locator('.question-item').count()).toBe(3);
    await page.getByLabel('Search', { exact: true }).fill('content security');
    await expect.poll(() => page.locator('.question-item').count()).toBe(1);
    const item = page.locator('.question-item').first();
    await expect.poll(textOf(item.locator('.sources'))).toBe('Source: questions/web-safety.md:9');

    await item.getByRole('button', { name: 'Preview on Discord and Slack' }).click();
    await expect.poll(textOf(item.locator('.platform.discord strong').first())).toBe('What does a Content-Security-Policy do?');
    await expect.poll(textOf(item.locator('.platform.slack strong').first())).toBe('What does a Content-Security-Policy do?');
    await expect.poll(() => item.getByRole('button', { name: 'Preview on Discord and Slack' }).getAttribute('aria-expanded')).toBe('true');

    await page.locator('#bank-warnings summary').click();
    await expect.poll(textOf(page.locator('#bank-warnings-list'))).toContain('questions/broken.md:5: code block is never closed');
    await page.screenshot({ path: path.join(ARTIFACTS, 'bank.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('shows a question with <script>window.__pwned=1</script> as text, in the bank and the channel, and never runs it', async () => {
    const { page, errors } = await open('<img src=x onerror="window.__pwned=3">');
    await page.locator('.tabs a', { hasText: 'Question bank' }).click();
    await page.getByLabel('Tag', { exact: true }).selectOption('xss');
    const hostile = page.locator('.question-item', { hasText: 'window.__pwned=1' });
    await expect.poll(textOf(hostile.locator('.question-text'))).toBe('What does <script>window.__pwned=1</script> do in a question?');
    await hostile.getByRole('button', { name: 'Preview on Discord and Slack' }).click();
    await expect.poll(textOf(hostile.locator('.platform.discord'))).toContain('window.__pwned=1');
    await page.screenshot({ path: path.join(ARTIFACTS, 'bank-hostile.png'), fullPage: true });

    const id = await hostile.locator('.qid').textContent();
    await page.locator('.tabs a', { hasText: 'Channel' }).click();
    const input = page.getByLabel('Command', { exact: true });
    await input.fill(`bank show ${id}`);
    await input.press('Enter');
    const shown = only(page, 'window.__pwned=2');
    await expect.poll(textOf(shown)).toContain('<script>window.__pwned=2</script> shows as text');
    await expect.poll(textOf(shown.locator('.invoked .who'))).toBe('<img src=x onerror="window.__pwned=3">');

    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
    expect(await page.locator('script:not([src])').count()).toBe(0);
    expect(await page.locator('.messages img, .bank-list img').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('works from the keyboard: labelled fields, real buttons, a visible focus ring', async () => {
    const { page } = await open('Ada');
    await page.getByRole('button', { name: /React 👀 to see the answer/ }).focus();
    await page.keyboard.press('Enter');
    await only(page, 'Answer to daily question #1').waitFor();

    await page.getByLabel('Command', { exact: true }).focus();
    await page.keyboard.type('daily status');
    await page.keyboard.press('Enter');
    await only(page, /Daily question:.*09:00/).waitFor();
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate('document.activeElement.textContent')).toBe('Send');
    expect(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle')).toBe('solid');

    await page.getByRole('link', { name: 'Schedules' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(textOf(page.locator('#schedules .schedule h3'))).toBe('Playground · #playground');
    await expect.poll(() => page.locator('#schedules .next-runs li').count()).toBe(3);
    await page.screenshot({ path: path.join(ARTIFACTS, 'schedules.png'), fullPage: true });
  });

  it('fits a phone-sized window without sideways scrolling', async () => {
    const { page } = await open('Ada', { width: 390, height: 844 });
    await page.getByRole('button', { name: /React 👀 to see the answer/ }).click();
    await only(page, 'Answer to daily question #1').waitFor();
    const overflow = () => page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'channel-phone.png'), fullPage: true });
    await page.locator('.tabs a', { hasText: 'Question bank' }).click();
    await page.locator('.question-item').first().getByRole('button', { name: 'Preview on Discord and Slack' }).click();
    await page.locator('.question-item .platform.slack').first().waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'bank-phone.png') });
    await page.locator('.tabs a', { hasText: 'Leaderboards' }).click();
    await page.locator('#board').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
  });
});
