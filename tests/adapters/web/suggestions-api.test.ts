import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

interface SuggestionsJson {
  workspaces: { workspace: string; pending: { id: string }[] }[];
}

describe('the Suggestions API over the real web server: what a refused review answers', () => {
  it('deciding twice is a conflict (409), an unknown id not found (404), a bad edit bad input (400) in plain text', async () => {
    h = await startHarness({ clock: 'system' });
    expect((await h.post('/api/command', { user: 'Bob', text: 'suggest What is a B-tree? || A balanced tree.' })).status).toBe(200);
    const { workspaces } = await h.json<SuggestionsJson>('/api/suggestions');
    const ws = workspaces.find((w) => w.pending.length > 0);
    const id = ws?.pending[0]?.id ?? '';
    expect(id).not.toBe('');
    const decide = (body: Record<string, unknown>) => h!.post('/api/suggestions/decide', { user: 'Ada', workspace: ws?.workspace, id, decision: 'approve', ...body });

    const unknown = await h.post('/api/suggestions/edit', { user: 'Ada', workspace: ws?.workspace, id: 's999', question: 'x' });
    expect(unknown.status).toBe(404);
    const bad = await h.post('/api/suggestions/edit', { user: 'Ada', workspace: ws?.workspace, id, question: '' });
    expect(bad.status).toBe(400);
    // The service words it for chat (`**question**: …`); the page gets it plain.
    const badError = ((await bad.json()) as { error: string }).error;
    expect(badError).toMatch(/^question: /);
    expect(badError).not.toMatch(/\*\*/);

    expect((await decide({})).status).toBe(200);
    const again = await decide({ decision: 'reject', reason: 'dup' });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: string }).error).toMatch(/already/i);
  });
});
