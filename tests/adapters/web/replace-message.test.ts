import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/core/reply.js';
import { card, standInCards } from '../../helpers/stand-ins.js';
import { type Harness, buttonOf, messages, startHarness, textOf } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

/** The core's answers stood in for by hand: this pins what the real web adapter does with them. */
async function withCards(answer: Reply): Promise<Harness> {
  const harness = await startHarness();
  standInCards(harness.engine, () => answer);
  return harness;
}

const press = async (harness: Harness, user: string, messageId: string, action: string) => {
  const res = await harness.post('/api/action', { user, messageId, action });
  expect(res.status).toBe(200);
  return (await res.json()) as { replaced?: string };
};

describe('the playground (real web adapter over HTTP): a press answered with replaceMessage', () => {
  it('replaces the private entry that carried the button; no new line is added', async () => {
    h = await withCards(card(2, { ephemeral: true, replaceMessage: true }));
    const res = await h.post('/api/command', { user: 'Ada', text: 'practice' });
    const { messageId } = (await res.json()) as { messageId: string };
    const before = await messages(h, 'Ada');

    const answer = await press(h, 'Ada', messageId, buttonOf(before.find((m) => m.id === messageId)!, /Next/).action);
    expect(answer.replaced).toBe(messageId);
    const after = await messages(h, 'Ada');
    expect(after.map((m) => m.id)).toEqual(before.map((m) => m.id));
    const replaced = after.find((m) => m.id === messageId)!;
    expect(textOf(replaced)).toMatch(/Card 2/);
    expect(textOf(replaced)).not.toMatch(/Card 1/);
    expect(replaced.onlyYou).toBe(true);
    // The command that opened it still reads above it.
    expect(replaced.invokedBy).toMatchObject({ name: 'Ada', text: 'practice' });
    expect(await messages(h, 'Bob')).toEqual(before.filter((m) => !m.onlyYou));
  });

  it('never replaces a channel post: the answer is a new line only the presser sees', async () => {
    h = await withCards(card(2, { ephemeral: true, replaceMessage: true }));
    const [post] = await messages(h, 'Ada');
    const action = buttonOf(post!, /./).action;
    const answer = await press(h, 'Ada', post!.id, action);
    expect(answer.replaced).toBeUndefined();
    const after = await messages(h, 'Ada');
    expect(after.find((m) => m.id === post!.id)).toEqual(post);
    expect(after.at(-1)).toMatchObject({ kind: 'private', onlyYou: true, parentId: post!.id });
    expect(textOf(after.at(-1)!)).toMatch(/Card 2/);
  });
});
