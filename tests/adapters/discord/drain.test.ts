import { afterEach, describe, expect, it } from 'vitest';
import { answerOf } from '../../fakes/discord/index.js';
import { messageText } from '../../fakes/discord/state.js';
import { SlowBoardsStore } from '../../helpers/slow-boards-store.js';
import { GUILD, type Harness, STUDY, startHarness } from './harness.js';

let h: Harness | undefined;
let store: SlowBoardsStore | undefined;
afterEach(async () => {
  await h?.close();
  await store?.close();
  h = undefined;
  store = undefined;
});

describe('discord.js adapter on drain (real client against the fake Discord)', () => {
  it('answers the command in flight, dispatches no new interaction, and then has nothing pending', async () => {
    store = new SlowBoardsStore('recall');
    h = await startHarness({ sharedStore: store });
    const { fake, alice, bob } = h;
    const held = store.hold();
    const inFlight = fake.slash({ guildId: GUILD, channelId: STUDY, user: alice, name: 'leaderboard' });
    await held.reached;

    const drained = h.adapter.drain();
    expect(h.adapter.pending()).toEqual(['discord ApplicationCommand']);
    const late = fake.slash({ guildId: GUILD, channelId: STUDY, user: bob, name: 'leaderboard' });
    await fake.until(() => h?.logs.lines.some((l) => l.msg === 'discord: stopping; an interaction was not taken'), 'the late interaction to be turned away');
    held.release();

    await fake.answered(inFlight);
    expect(messageText(answerOf(inFlight))).toMatch(/People · week/);
    await drained;
    expect(h.adapter.pending()).toEqual([]);
    // Never dispatched: Discord tells Bob the app did not respond, instead of a reply that never comes.
    expect(late.callbacks).toEqual([]);
  });
});
