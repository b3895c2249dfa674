import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { repoRoot } from '../../helpers/bank.js';
import { type Harness, type HarnessOptions, startHarness } from './harness.js';

/** The Chromium the browser tests drive, and whether CI insists on it. */
export const CHROMIUM = process.env.RECALL_CHROMIUM ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const REQUIRED = Boolean(process.env.CI);
export const ARTIFACTS = path.join(repoRoot, 'tests/artifacts');

export interface OpenPlayground {
  h: Harness;
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors, for a test to expect empty. */
  errors: string[];
}

/** A playground on a real clock, opened in a fresh browser context as `name`, once the daily question shows. */
export async function openPlayground(
  browser: Browser,
  name: string,
  opts: { bank: HarnessOptions['bank']; height: number; locale?: string; timezoneId?: string },
): Promise<OpenPlayground> {
  const h = await startHarness({ clock: 'system', bank: opts.bank });
  const context = await browser.newContext({
    viewport: { width: 1280, height: opts.height },
    ...(opts.locale ? { locale: opts.locale } : {}),
    ...(opts.timezoneId ? { timezoneId: opts.timezoneId } : {}),
  });
  await context.addInitScript({ content: `localStorage.setItem('recall.name', ${JSON.stringify(name)});` });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(h.url);
  await page.locator('.msg.daily').first().waitFor();
  return { h, context, page, errors };
}

/** The first match's text with whitespace folded ('' when there is none), for `expect.poll`. */
export const textOf = (locator: Locator) => async () => ((await locator.count()) === 0 ? '' : ((await locator.first().textContent()) ?? '').replace(/\s+/g, ' ').trim());

/** Types a command in the composer and waits for the page to take it. */
export async function typeCommand(page: Page, command: string): Promise<void> {
  await page.locator('#command-input').fill(command);
  await page.locator('#composer button[type=submit]').click();
  await expect.poll(() => page.locator('#command-input').inputValue()).toBe('');
}
