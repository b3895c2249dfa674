import { afterEach, describe, expect, it } from 'vitest';
import { questionId } from '../../../src/bank/ids.js';
import { type Harness, startHarness } from './harness.js';

const csp = questionId('What does a Content-Security-Policy do?');
const escape = questionId('Why should a chat bot escape what people write?');

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

interface ListJson {
  admin: boolean;
  total: number;
  questions: { id: string; edited: boolean; hidden: boolean; suggestedBy: string | null; category: string | null }[];
}

describe('the dashboard edits the bank (real web adapter, engine and bank service over one store)', () => {
  it('edits, hides, unhides and reverts for an admin; the list shows overrides as such, with the original beside them', async () => {
    h = await startHarness();
    const edit = await h.post(`/api/bank/${csp}/edit`, { answer: 'It says which sources may **load and run**.', tags: 'security, csp', by: 'Ada' });
    expect(edit.status).toBe(200);
    const entry = (await edit.json()) as { now: { answer: string; tags: string[] }; original: { answer: string }; override: { by: string } };
    expect(entry.now.answer).toBe('It says which sources may **load and run**.');
    expect(entry.now.tags).toEqual(['security', 'csp']);
    expect(entry.original.answer).toMatch(/^It tells the browser which sources/);
    expect(entry.override.by).toBe('Ada');

    const edited = await h.json<ListJson>('/api/bank?changes=edited');
    expect(edited.questions.map((q) => [q.id, q.edited])).toEqual([[csp, true]]);

    expect((await h.post(`/api/bank/${escape}/hide`, {})).status).toBe(200);
    const served = await h.json<ListJson>('/api/bank?limit=200');
    expect(served.admin).toBe(true);
    expect(served.questions.some((q) => q.id === escape)).toBe(false);
    expect((await h.json<ListJson>('/api/bank?changes=hidden')).questions.map((q) => [q.id, q.hidden])).toEqual([[escape, true]]);
    // A hidden question is never posted: the daily rotation draws from the served bank only.
    expect(h.bank.get(escape)).toBeUndefined();

    await h.post(`/api/bank/${escape}/unhide`, {});
    await h.post(`/api/bank/${csp}/revert`, {});
    expect(h.bank.get(escape)).toBeDefined();
    expect(h.bank.get(csp)?.answer).toMatch(/^It tells the browser/);
    expect((await h.json<ListJson>('/api/bank?changes=edited')).total).toBe(0);
  });

  it('refuses non-admins, unknown ids and bad fields with a clear status, changing nothing', async () => {
    h = await startHarness({ playground: false });
    const list = await h.json<ListJson>('/api/bank?changes=hidden');
    expect(list.admin).toBe(false);
    // `changes` is an admin's view; for others it is the bank as served.
    expect(list.total).toBeGreaterThan(0);
    for (const what of ['edit', 'hide', 'unhide', 'revert']) {
      const res = await h.post(`/api/bank/${csp}/${what}`, { answer: 'x' });
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: 'Only admins can edit or hide questions.' });
    }
    expect((await h.get(`/api/bank/${csp}/entry`)).status).toBe(403);
    await h.stop();

    h = await startHarness();
    expect((await h.post('/api/bank/nope1234/hide', {})).status).toBe(404);
    expect((await h.post(`/api/bank/${csp}/edit`, {})).status).toBe(400);
    expect((await h.post(`/api/bank/${csp}/edit`, { difficulty: 'extreme' })).status).toBe(400);
    expect((await h.post(`/api/bank/${csp}/edit`, { question: '' })).status).toBe(400);
    expect((await h.post(`/api/bank/${csp}/edit`, { answer: 7 })).status).toBe(400);
    expect(h.bank.overlayEntries()).toEqual([]);
  });
});
