import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type Locator, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { questionId } from '../../../src/bank/ids.js';
import { repoRoot } from '../../helpers/bank.js';
import { type Harness, startHarness } from './harness.js';
import { seedsWithHostile } from './test-bank.js';

const CHROMIUM = process.env.RECALL_CHROMIUM ?? '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const REQUIRED = Boolean(process.env.CI);
const ARTIFACTS = path.join(repoRoot, 'tests/artifacts');
const csp = questionId('What does a Content-Security-Policy do?');

const textOf = (locator: Locator) => async () => ((await locator.count()) === 0 ? '' : ((await locator.first().textContent()) ?? '').replace(/\s+/g, ' ').trim());

let browser: Browser | undefined;
let h: Harness | undefined;

describe.skipIf(!HAS_CHROMIUM && !REQUIRED)('the bank browser edits and hides questions (headless Chromium, real server, engine and store)', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    if (!HAS_CHROMIUM) throw new Error(`CI is set, so the browser tests must run, but there is no Chromium at ${CHROMIUM}.`);
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  it('an admin edits a question (the original shown beside it), hides one, and finds it under Changes', async () => {
    h = await startHarness({ clock: 'system', bank: seedsWithHostile() });
    const context = await browser!.newContext({ viewport: { width: 1280, height: 1000 } });
    await context.addInitScript({ content: `localStorage.setItem('recall.name', 'Ada');` });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(h.url);
    await page.locator('.tabs a', { hasText: 'Question bank' }).click();
    await page.locator('#bank-q').fill('Content-Security-Policy');
    const item = page.locator(`.question-item[data-id="${csp}"]`);
    await item.waitFor();

    await item.getByRole('button', { name: 'Edit' }).click();
    const answer = item.locator('textarea[name="answer"]');
    await expect.poll(async () => answer.inputValue()).toMatch(/^It tells the browser which sources/);
    await answer.fill('It lists the sources a page may **load and run** from.');
    await item.locator('input[name="category"]').fill('Browser security');
    await item.getByRole('button', { name: 'Save for everyone' }).click();
    await expect.poll(textOf(item.locator('.badge.edited'))).toBe('edited');
    expect(h.bank.get(csp)).toMatchObject({ answer: 'It lists the sources a page may **load and run** from.', category: 'Browser security' });

    await item.getByRole('button', { name: 'Edit (edited)' }).click();
    const original = item.locator('.original');
    await expect.poll(textOf(original)).toContain('Original (from the file)');
    expect(await original.textContent()).toContain('It tells the browser which sources may load and run');
    expect(await item.locator('textarea[name="answer"]').inputValue()).toBe('It lists the sources a page may **load and run** from.');
    await page.screenshot({ path: path.join(ARTIFACTS, 'bank-edit.png'), fullPage: true });

    await item.getByRole('button', { name: 'Hide' }).click();
    await expect.poll(async () => item.count()).toBe(0);
    expect(h.bank.get(csp)).toBeUndefined();
    await page.locator('#bank-q').fill('');
    await page.locator('#bank-changes').selectOption('hidden');
    const hidden = page.locator(`.question-item[data-id="${csp}"]`);
    await expect.poll(textOf(hidden.locator('.badge.hidden-q'))).toBe('hidden');
    await page.screenshot({ path: path.join(ARTIFACTS, 'bank-hidden.png'), fullPage: true });
    await hidden.getByRole('button', { name: 'Unhide' }).click();
    await expect.poll(() => h?.bank.get(csp)?.category).toBe('Browser security');
    expect(errors).toEqual([]);
    await context.close();
  });
});
