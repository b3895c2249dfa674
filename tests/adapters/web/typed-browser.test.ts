import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { quizBank } from '../../core/quiz/quick-facts.js';
import { ARTIFACTS, HAS_CHROMIUM, REQUIRED, playgroundSession, textOf, typeCommand } from './playground-page.js';

const BANK = quizBank({ 'acronyms.md': '# Acronyms\n\n## What does LoRA stand for?\nLow-rank adaptation\nAccept: LoRA\n' });

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
  const { open } = playgroundSession({ bank: BANK, height: 900 });

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
