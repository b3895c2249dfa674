import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { quizBank } from '../../core/quiz/quick-facts.js';
import type { Harness } from './harness.js';
import { ARTIFACTS, CHROMIUM, HAS_CHROMIUM, REQUIRED, openPlayground, textOf, typeCommand } from './playground-page.js';

const BANK = quizBank({ 'acronyms.md': '# Acronyms\n\n## What does LoRA stand for?\nLow-rank adaptation\nAccept: LoRA\n' });
let browser: Browser | undefined;
let h: Harness | undefined;
let context: BrowserContext | undefined;

async function open(name: string): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPlayground(browser!, name, { bank: BANK, height: 900 });
  ({ h, context } = opened);
  return { page: opened.page, errors: opened.errors };
}

/** Starts a one-question solo round on the typed question and opens its text box. */
async function openTextBox(page: Page) {
  await typeCommand(page, 'quiz category:acronyms count:1 solo:yes');
  const question = page.locator('.msg', { hasText: 'What does LoRA stand for?' }).first();
  await question.getByRole('button', { name: 'Type your answer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Question 1' });
  await dialog.waitFor();
  const box = dialog.getByRole('textbox', { name: 'Your answer' });
  return { question, dialog, box };
}

describe.skipIf(!HAS_CHROMIUM && !REQUIRED)('a typed quiz answer in headless Chromium (real server, engine and page)', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    if (!HAS_CHROMIUM) throw new Error(`CI is set, so the browser tests must run, but there is no Chromium at ${CHROMIUM}`);
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  afterEach(async () => {
    await context?.close();
    await h?.stop();
    context = undefined;
    h = undefined;
  });

  it('a near-miss with a typo typed into the text box counts as right, and says so with the answer', async () => {
    const { page, errors } = await open('Ada');
    const { question, dialog, box } = await openTextBox(page);
    // An empty box, not the word "undefined", and the question as the hint.
    expect(await box.inputValue()).toBe('');
    expect(await box.getAttribute('placeholder')).toBe('What does LoRA stand for?');
    await box.fill('low rank adaptaton');
    await page.screenshot({ path: path.join(ARTIFACTS, 'typed-dialog.png') });
    await dialog.getByRole('button', { name: 'Answer' }).click();
    await dialog.waitFor({ state: 'detached' });

    const mine = page.locator('.only-you-msg', { hasText: 'Right!' }).first();
    await mine.waitFor();
    await expect.poll(textOf(mine)).toMatch(/Right! \+\d+ — Low-rank adaptation/);
    await expect.poll(textOf(mine)).toContain('You typed “low rank adaptaton”');
    expect(await textOf(mine)()).not.toContain('Noted');
    // Solo: the answer closes the question for the round, with the answer and the tally.
    await expect.poll(textOf(question)).toMatch(/1 of 1 got it/);
    expect(await question.locator('.actions button:not([disabled])').count()).toBe(0);
    await mine.screenshot({ path: path.join(ARTIFACTS, 'typed-right.png') });
    expect(errors).toEqual([]);
  });

  it('a miss shows what was typed and the expected answer, with the self-grade buttons as the fallback', async () => {
    const { page, errors } = await open('Grace');
    const { dialog, box } = await openTextBox(page);
    await box.fill('a low-rank update of the weights');
    await dialog.getByRole('button', { name: 'Answer' }).click();
    await dialog.waitFor({ state: 'detached' });

    const mine = page.locator('.only-you-msg', { hasText: 'You typed' }).first();
    await mine.waitFor();
    await expect.poll(textOf(mine)).toMatch(/You typed “a low-rank update of the weights”: not a match. The answer, to grade yourself by: ?Low-rank adaptation/);
    await expect.poll(textOf(mine)).toContain('Low-rank adaptation');
    await mine.getByRole('button', { name: 'Partly' }).click();
    const picked = page.locator('.only-you-msg .btn-selected').first();
    await expect.poll(textOf(picked)).toBe('✓ Partly');
    await page
      .locator('.only-you-msg')
      .last()
      .screenshot({ path: path.join(ARTIFACTS, 'typed-miss-graded.png') });
    expect(errors).toEqual([]);
  });
});
