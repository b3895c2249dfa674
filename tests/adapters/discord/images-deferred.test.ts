import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEphemeral } from '../../fakes/discord/index.js';
import { PNG_SIGNATURE, pngSize, seedBoard, sharedRenderer } from '../../images/helpers.js';
import { FAST, GUILD, type Harness, channel, startHarness } from './harness.js';

/**
 * Drawing a picture can outlast Discord's 3-second window, so the adapter defers and sends the answer
 * later over the interaction's webhook. Here every command is deferred at once (`deferAfterMs: 0`), so
 * the PNG must travel on that later request, as multipart, and not be lost with the placeholder.
 */
describe('discord.js adapter against the fake Discord: a picture after a deferred reply', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ images: await sharedRenderer(), tuning: { ...FAST, deferAfterMs: 0 } });
    const who = (u: { id: string; username: string; globalName?: string }) => ({
      platform: 'discord' as const,
      workspaceId: GUILD,
      userId: u.id,
      name: u.globalName ?? u.username,
    });
    await seedBoard(
      h.engine.services.scoring,
      channel(),
      [
        { user: who(h.alice), points: 9, team: 'Owls' },
        { user: who(h.bob), points: 5, team: 'Фениксы' },
      ],
      h.world.clock.now(),
    );
  }, 60_000);
  afterAll(async () => h?.close());

  const pngOf = (attachments: unknown) => {
    const [attachment] = attachments as { id: string; filename: string }[];
    return { filename: attachment?.filename, data: h.fake.rest.uploads.get(attachment?.id ?? '')?.data ?? Buffer.alloc(0) };
  };

  it('defers `/leaderboard format:image`, then edits the picture into the placeholder (or follows up when its visibility was guessed wrong)', async () => {
    // Twice: the first deferral guesses private and the public board follows up after the placeholder
    // is deleted; the second guesses public from the first and edits the placeholder in place.
    for (const round of [1, 2]) {
      const { answer, interaction } = await h.slash(h.alice, 'leaderboard', undefined, { format: 'image' });
      expect(interaction.callbacks[0]?.['type']).toBe(5);
      expect(isEphemeral(answer)).toBe(false);
      expect(answer.embeds[0]?.['image']).toMatchObject({ url: 'attachment://leaderboard-people-week.png' });
      const png = pngOf(answer['attachments']);
      expect(png.filename).toBe('leaderboard-people-week.png');
      expect([...png.data.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
      expect(pngSize(png.data).width).toBe(800);

      // The bytes went up on the webhook request that answered, not on the deferring callback.
      const webhook = h.fake.requests.filter((r) => r.path.startsWith(`/webhooks/`) && r.path.includes(`/${interaction.token}`) && r.method !== 'DELETE');
      expect(webhook.map((r) => `${r.method} ${r.path.endsWith('@original') ? '@original' : 'follow-up'}`)).toEqual([round === 1 ? 'POST follow-up' : 'PATCH @original']);
      expect(JSON.stringify(webhook[0]?.body)).toContain('leaderboard-people-week.png');
      expect(interaction.deleted === true).toBe(round === 1);
    }
  });
});
