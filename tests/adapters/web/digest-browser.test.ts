import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAYGROUND, userFromName } from '../../../src/adapters/web/refs.js';
import type { Question } from '../../../src/bank/types.js';
import type { UserRef } from '../../../src/core/refs.js';
import { sharedRenderer } from '../../images/helpers.js';
import type { Harness } from './harness.js';
import { ARTIFACTS, HAS_CHROMIUM, REQUIRED, launchChromium, openPlayground } from './playground-page.js';

const DAY = 86_400_000;

const person = (name: string): UserRef => {
  const user = userFromName(name);
  if (!user) throw new Error(name);
  return user;
};

let browser: Browser | undefined;
let h: Harness | undefined;
let context: BrowserContext | undefined;

/**
 * Last week's grades in the playground channel, a week before the real clock (the page needs the system
 * clock): Ada and Борис got a question, 李小龙 missed it, so it is the week's most missed.
 */
async function seedLastWeek(harness: Harness): Promise<Question> {
  const question = harness.engine.services.bank.all().find((q) => q.answer !== null && q.answer.length > 8 && !q.answer.includes('|'));
  if (!question) throw new Error('the bank has no question with a plain answer');
  // Graded exactly a week ago, which is always inside the week just ended; posted an hour before that.
  const at = new Date(Date.now() - 7 * DAY);
  const postedAt = new Date(at.getTime() - 3_600_000);
  for (const [name, grade] of [
    ['Ada', 'got'],
    ['Борис', 'got'],
    ['李小龙', 'missed'],
  ] as const) {
    await harness.engine.services.scoring.grade({
      postId: 'p-last-week',
      kind: 'daily',
      user: person(name),
      channel: PLAYGROUND,
      questionId: question.id,
      category: question.category,
      grade,
      postedAt,
      closesAt: new Date(postedAt.getTime() + DAY),
      at,
      dailySeq: 1,
    });
  }
  return question;
}

describe.skipIf(!HAS_CHROMIUM && !REQUIRED)('the weekly digest in the playground, headless Chromium (real server, engine and renderer)', { timeout: 90_000 }, () => {
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await h?.stop();
    await browser?.close();
  });

  it('`digest now` shows the digest text with the board picture inline and the answer behind a spoiler', async () => {
    const opened = await openPlayground(browser!, 'Ada', { bank: undefined, width: 1100, height: 1400, images: await sharedRenderer() });
    ({ h, context } = opened);
    const { page, errors } = opened;
    const question = await seedLastWeek(h);

    await page.locator('#command-input').fill('digest now');
    await page.locator('#composer button[type=submit]').click();
    const digest = page.locator('.msg', { hasText: 'Weekly digest' }).last();
    await digest.waitFor({ timeout: 30_000 });

    // The text: the board, movement, participation and the most-missed question.
    const text = ((await digest.textContent()) ?? '').replace(/\s+/g, ' ');
    const rows = (await digest.locator('ol li').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    expect(rows.slice(0, 3)).toEqual(['Ada · 3 points · new', 'Борис · 3 points · new', '李小龙 · 0 points · new']);
    expect(text).toContain('3 people graded at least once');
    expect(text).toContain('Most missed (1 of 3 missed it)');

    // The picture: inline, a PNG the browser decoded at the renderer's 800 px, described for screen readers.
    const img = digest.locator('img.reply-image');
    await expect
      .poll(() => page.evaluate("(() => { const i = [...document.querySelectorAll('img.reply-image')].at(-1); return i && i.complete ? i.naturalWidth : 0; })()"))
      .toBe(800);
    expect(await img.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await img.getAttribute('alt')).toMatch(/^People · week \d+.*Ada 3/);

    // The answer stays hidden until asked for.
    const answer = digest.locator('.spoiler-block');
    await expect.poll(() => answer.locator('.spoiler-content').isVisible()).toBe(false);
    await digest.screenshot({ path: path.join(ARTIFACTS, 'playground-digest.png') });
    await answer.getByRole('button', { name: 'Show spoiler' }).click();
    await expect.poll(async () => ((await answer.locator('.spoiler-content').textContent()) ?? '').includes(question.answer?.slice(0, 8) ?? '?')).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground-digest-page.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
