import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ActionInvocation } from '../../../src/core/actions.js';
import { REFUSED_WORDS, standInForm } from '../../helpers/stand-ins.js';
import { type Harness, type MessageJson, startHarness, textOf } from './harness.js';
import { ARTIFACTS, HAS_CHROMIUM, REQUIRED, playgroundSession } from './playground-page.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

/** The core's side stood in for (tests/helpers/stand-ins.ts), as in the Discord and Slack modal tests. */
async function withForm(): Promise<{ harness: Harness; submitted: ActionInvocation[] }> {
  const harness = await startHarness({ clock: 'system' });
  return { harness, submitted: standInForm(harness.engine) };
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
    expect(refused.errors).toEqual({ words: REFUSED_WORDS });

    const sent = await h.post('/api/modal', { user: 'Ada', modalId: body.modal.id, values: { words: 'hello', kind: 'two', extra: 'ignored' } });
    expect(sent.status).toBe(200);
    expect(submitted.at(-1)).toMatchObject({ action: 'test:filled', values: { words: 'hello', note: '', kind: 'two' }, user: { platform: 'web' } });
    expect(Object.keys(submitted.at(-1)?.values ?? {})).not.toContain('extra');
    const messages = ((await h.json('/api/messages?user=Ada')) as { messages: MessageJson[] }).messages.slice(before.length);
    expect(messages.map((m) => [m.onlyYou, textOf(m)])).toEqual([[true, expect.stringContaining('Got hello (two)')]]);
    // Sent once: the form is closed now.
    expect((await h.post('/api/modal', { user: 'Ada', modalId: body.modal.id, values: { words: 'again', kind: 'one' } })).status).toBe(404);
  });
});

describe.skipIf(!HAS_CHROMIUM && !REQUIRED)('web adapter: the form dialog in headless Chromium', { timeout: 60_000 }, () => {
  const session = playgroundSession({ bank: undefined, height: 800 });

  it('opens the form, shows a refused value under its field, then sends it and shows the answer', async () => {
    const { h: playground, page, errors } = await session.open('Ada');
    standInForm(playground.engine);
    await page.locator('#command-input').fill('form');
    await page.locator('#composer button[type=submit]').click();
    const dialog = page.getByRole('dialog', { name: 'A form' });
    await dialog.waitFor();
    await dialog.getByLabel('Words').fill('bad');
    await dialog.getByLabel('Kind').selectOption('two');
    await expect.poll(async () => (await dialog.getByRole('option', { name: 'Two <b>' }).count()) === 1).toBe(true);
    await dialog.getByRole('button', { name: 'Send' }).click();
    await dialog.getByText(REFUSED_WORDS, { exact: true }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'modal-refused.png') });
    await dialog.getByLabel('Words').fill('hello there');
    await dialog.getByRole('button', { name: 'Send' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.only-you-msg', { hasText: 'Got hello there (two)' }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'modal-sent.png') });
    expect(errors).toEqual([]);
  });
});
