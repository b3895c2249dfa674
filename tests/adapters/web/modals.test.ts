import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ActionInvocation } from '../../../src/core/actions.js';
import { type Modal, type Reply, textReply } from '../../../src/core/reply.js';
import { repoRoot } from '../../helpers/bank.js';
import { type Harness, type MessageJson, startHarness, textOf } from './harness.js';

const CHROMIUM = process.env.RECALL_CHROMIUM ?? '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const REQUIRED = Boolean(process.env.CI);
const ARTIFACTS = path.join(repoRoot, 'tests/artifacts');

const FORM: Modal = {
  submit: 'test:filled',
  title: 'A form',
  submitLabel: 'Send',
  fields: [
    { id: 'words', label: 'Words', style: 'long', maxLength: 50, placeholder: 'Say something' },
    { id: 'note', label: 'Note', style: 'short', optional: true },
    {
      id: 'kind',
      label: 'Kind',
      style: 'select',
      choices: [
        { label: 'One', value: 'one' },
        { label: 'Two <b>', value: 'two' },
      ],
    },
  ],
};
const formReply: Reply = { blocks: [{ type: 'text', markdown: 'Type `form <words>` instead.' }], ephemeral: true, modal: FORM };

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

/** The core's side stood in for by hand, as in the Discord and Slack modal tests. */
async function withForm(): Promise<{ harness: Harness; submitted: ActionInvocation[] }> {
  const harness = await startHarness({ clock: 'system' });
  const submitted: ActionInvocation[] = [];
  harness.engine.runText = async () => formReply;
  harness.engine.handleAction = async (inv) => {
    submitted.push(inv);
    if (inv.values?.['words'] === 'bad') return { ...textReply('Words: no.', { ephemeral: true }), fieldErrors: { words: 'Not that word.' } };
    return textReply(`Got **${inv.values?.['words']}** (${inv.values?.['kind']})`, { ephemeral: true });
  };
  return { harness, submitted };
}

describe('web adapter: forms over the API', () => {
  it('a command answered with a form returns it (and posts nothing); the filled form reaches the core with its values', async () => {
    const { harness, submitted } = await withForm();
    h = harness;
    // The playground posts a first daily question on start; the form adds nothing to the channel.
    const before = ((await h.json('/api/messages?user=Ada')) as { messages: MessageJson[] }).messages;
    const res = await h.post('/api/command', { user: 'Ada', text: 'form' });
    const body = (await res.json()) as { modal: { id: string; title: string; fields: { id: string; style: string }[] } };
    expect(body.modal).toMatchObject({ title: 'A form', submitLabel: 'Send' });
    expect(body.modal.fields.map((f) => [f.id, f.style])).toEqual([
      ['words', 'long'],
      ['note', 'short'],
      ['kind', 'select'],
    ]);
    expect(((await h.json('/api/messages?user=Ada')) as { messages: MessageJson[] }).messages).toEqual(before);

    // Someone else cannot send Ada's form; a made-up field or a value off the list is refused before the core.
    expect((await h.post('/api/modal', { user: 'Bob', modalId: body.modal.id, values: { words: 'x', kind: 'one' } })).status).toBe(404);
    const offList = (await (await h.post('/api/modal', { user: 'Ada', modalId: body.modal.id, values: { words: 'x', kind: 'three' } })).json()) as {
      errors: Record<string, string>;
    };
    expect(offList.errors).toEqual({ kind: 'Pick one of the choices.' });
    const tooLong = (await (await h.post('/api/modal', { user: 'Ada', modalId: body.modal.id, values: { words: 'x'.repeat(51), kind: 'one' } })).json()) as {
      errors: Record<string, string>;
    };
    expect(tooLong.errors['words']).toMatch(/50/);
    expect(submitted).toEqual([]);

    const refused = (await (await h.post('/api/modal', { user: 'Ada', modalId: body.modal.id, values: { words: 'bad', kind: 'one' } })).json()) as {
      errors: Record<string, string>;
    };
    expect(refused.errors).toEqual({ words: 'Not that word.' });

    const sent = await h.post('/api/modal', { user: 'Ada', modalId: body.modal.id, values: { words: 'hello', kind: 'two', extra: 'ignored' } });
    expect(sent.status).toBe(200);
    expect(submitted.at(-1)).toMatchObject({ action: 'test:filled', values: { words: 'hello', note: '', kind: 'two' }, user: { platform: 'web' } });
    expect(Object.keys(submitted.at(-1)?.values ?? {})).not.toContain('extra');
    const messages = ((await h.json('/api/messages?user=Ada')) as { messages: MessageJson[] }).messages.slice(before.length);
    expect(messages.map((m) => [m.onlyYou, textOf(m)])).toEqual([[true, expect.stringContaining('<strong>hello</strong>')]]);
    // Sent once: the form is closed now.
    expect((await h.post('/api/modal', { user: 'Ada', modalId: body.modal.id, values: { words: 'again', kind: 'one' } })).status).toBe(404);
  });
});

let browser: Browser | undefined;
describe.skipIf(!HAS_CHROMIUM && !REQUIRED)('web adapter: the form dialog in headless Chromium', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('opens the form, shows a refused value under its field, then sends it and shows the answer', async () => {
    const { harness } = await withForm();
    h = harness;
    const context = await browser!.newContext({ viewport: { width: 1100, height: 800 } });
    await context.addInitScript({ content: `localStorage.setItem('recall.name', 'Ada');` });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(h.url);
    await page.locator('#command-input').fill('form');
    await page.locator('#composer button[type=submit]').click();
    const dialog = page.getByRole('dialog', { name: 'A form' });
    await dialog.waitFor();
    await dialog.getByLabel('Words').fill('bad');
    await dialog.getByLabel('Kind').selectOption('two');
    await expect.poll(async () => (await dialog.getByRole('option', { name: 'Two <b>' }).count()) === 1).toBe(true);
    await dialog.getByRole('button', { name: 'Send' }).click();
    await dialog.getByText('Not that word.').waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'modal-refused.png') });
    await dialog.getByLabel('Words').fill('hello there');
    await dialog.getByRole('button', { name: 'Send' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.only-you-msg', { hasText: 'Got hello there (two)' }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'modal-sent.png') });
    expect(errors).toEqual([]);
    await context.close();
  });
});
