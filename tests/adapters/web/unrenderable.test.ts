import { afterEach, describe, expect, it } from 'vitest';
import { PLAYGROUND } from '../../../src/adapters/web/refs.js';
import { UNRENDERABLE_NOTICE } from '../../../src/adapters/web/render/reply-view.js';
import { channelKey } from '../../../src/core/refs.js';
import { createStore } from '../../../src/store/create-store.js';
import { type Harness, messages, startHarness, textOf } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const at = '2026-11-23T07:00:00.000Z';
const saved = (id: number, rest: Record<string, unknown>) => ({ id: `web:playground:${id}`, kind: 'post', at, reactions: {}, ...rest });

describe('a playground channel holding a message no renderer can draw', () => {
  it('shows that message as a short notice and still returns every other message, as saved before a restart', async () => {
    const store = await createStore('memory://');
    // As an older version could have saved them: a reply of the wrong shape, a 4,500-deep revealed answer, a stray value.
    await store.set(`web:messages:${channelKey(PLAYGROUND)}`, {
      seq: 4,
      messages: [
        saved(1, { reply: { blocks: [{ type: 'text', markdown: 'Before the broken one' }] } }),
        saved(2, { reply: null }),
        saved(3, { kind: 'private', forUser: 'ada', reply: { blocks: [{ type: 'text', markdown: `${'> '.repeat(4500)}deep answer` }] } }),
        7,
        saved(4, { reply: { blocks: [{ type: 'text', markdown: 'After the broken one' }] } }),
      ],
    });

    h = await startHarness({ store });
    const res = await h.get('/api/messages?user=Ada');
    expect(res.status).toBe(200);
    const seen = await messages(h, 'Ada');
    const texts = seen.map(textOf);
    expect(texts.some((t) => t.includes('Before the broken one'))).toBe(true);
    expect(texts.some((t) => t.includes('After the broken one'))).toBe(true);
    expect(seen.find((m) => m.id === 'web:playground:2')?.blocks).toEqual([{ type: 'context', html: `<em>${UNRENDERABLE_NOTICE}</em>` }]);
    expect(textOf(seen.find((m) => m.id === 'web:playground:3') ?? { blocks: [] })).toContain('…');
    expect(h.logs.some((l) => l.level >= 50 && /could not render a playground message/.test(l.msg))).toBe(true);

    // The page's next refresh, and everyone else's, is not a 500 either.
    expect((await h.get('/api/messages?user=Grace')).status).toBe(200);
  });
});
