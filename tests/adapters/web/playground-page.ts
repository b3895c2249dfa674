import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, type Locator, type Page, chromium } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { repoRoot } from '../../helpers/bank.js';
import { type Harness, type HarnessOptions, startHarness } from './harness.js';

/** The Chromium the browser tests drive, and whether CI insists on it. */
export const CHROMIUM = process.env.RECALL_CHROMIUM ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const REQUIRED = Boolean(process.env.CI);
export const ARTIFACTS = path.join(repoRoot, 'tests/artifacts');

/** Headless Chromium as every browser test runs it, with nothing it would fetch from the network; fails when CI insists and there is none. */
export async function launchChromium(): Promise<Browser> {
  if (!HAS_CHROMIUM) throw new Error(`CI is set, so the browser tests must run, but there is no Chromium at ${CHROMIUM}: install chromium or point RECALL_CHROMIUM at it.`);
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export interface OpenPlayground {
  h: Harness;
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors, for a test to expect empty. */
  errors: string[];
  /** Every URL the page asked for (what a page fetches from outside shows here). */
  requests: string[];
}

/** The page keeps the typed name in localStorage; a test puts it there before the page loads. */
export const rememberName = (name: string): string => `localStorage.setItem('recall.name', ${JSON.stringify(name)});`;

/** A playground on a real clock, opened in a fresh browser context as `name`, once the daily question shows. */
export async function openPlayground(
  browser: Browser,
  name: string,
  opts: { bank: HarnessOptions['bank']; height: number; width?: number; images?: HarnessOptions['images']; locale?: string; timezoneId?: string },
): Promise<OpenPlayground> {
  const h = await startHarness({ clock: 'system', bank: opts.bank, ...(opts.images ? { images: opts.images } : {}) });
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1280, height: opts.height },
    ...(opts.locale ? { locale: opts.locale } : {}),
    ...(opts.timezoneId ? { timezoneId: opts.timezoneId } : {}),
  });
  await context.addInitScript({ content: rememberName(name) });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(h.url);
  await page.locator('.msg.daily').first().waitFor();
  return { h, context, page, errors, requests };
}

/** The first match's text with whitespace folded ('' when there is none), for `expect.poll`. */
export const textOf = (locator: Locator) => async () => ((await locator.count()) === 0 ? '' : ((await locator.first().textContent()) ?? '').replace(/\s+/g, ' ').trim());

/** Types a command in the composer and waits for the page to take it. */
export async function typeCommand(page: Page, command: string): Promise<void> {
  await page.locator('#command-input').fill(command);
  await page.locator('#composer button[type=submit]').click();
  await expect.poll(() => page.locator('#command-input').inputValue()).toBe('');
}

export interface PlaygroundSession {
  /** openPlayground with the session's bank and height (and a viewer's locale, zone or viewport); what it opens is closed after the test. */
  open(name: string, viewer?: { locale?: string; timezoneId?: string; width?: number; height?: number }): Promise<OpenPlayground>;
  /** The playground the running test opened. */
  harness(): Harness;
}

/**
 * Call inside a describe block: Chromium is launched before its tests and closed after them, and each
 * test's playground and browser context are closed when it ends, passed or failed.
 */
export function playgroundSession(opts: { bank: HarnessOptions['bank']; height: number }): PlaygroundSession {
  let browser: Browser | undefined;
  let opened: OpenPlayground | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await opened?.context.close();
    await opened?.h.stop();
    opened = undefined;
  });
  return {
    async open(name, viewer = {}) {
      if (!browser) throw new Error('Chromium is not running: playgroundSession() belongs inside the describe block');
      opened = await openPlayground(browser, name, { ...opts, ...viewer });
      return opened;
    },
    harness() {
      if (!opened) throw new Error('no playground is open in this test');
      return opened.h;
    },
  };
}
