import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG_SIGNATURE, pngSize, seedBoard, sharedRenderer } from '../../images/helpers.js';
import { GUILD, type Harness, channel, startHarness } from './harness.js';

describe('discord.js adapter against the fake Discord: board pictures', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ images: await sharedRenderer() });
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

  it('answers `/leaderboard format:image` with the PNG uploaded as multipart and shown as the embed image', async () => {
    const { answer, interaction } = await h.slash(h.alice, 'leaderboard', undefined, { format: 'image' });
    const embed = answer.embeds[0];
    expect(embed?.['image']).toMatchObject({ url: 'attachment://leaderboard-people-week.png' });
    const attachments = answer['attachments'] as { id: string; filename: string; description?: string }[];
    expect(attachments.map((a) => a.filename)).toEqual(['leaderboard-people-week.png']);

    // The file arrived as a part of the interaction callback, as PNG bytes of the renderer's size.
    const upload = h.fake.rest.uploads.get(attachments[0]?.id ?? '');
    expect(upload?.contentType).toBe('image/png');
    expect([...(upload?.data.subarray(0, 8) ?? [])]).toEqual(PNG_SIGNATURE);
    expect(pngSize(upload?.data ?? new Uint8Array()).width).toBe(800);
    const callback = h.fake.requests.find((r) => r.path.startsWith(`/interactions/${interaction.id}/`));
    expect(JSON.stringify(callback?.body)).toContain('"description":"People · week 48');
  });

  it('posts a picture in a channel (the port, as the digest does) with the file beside the embed', async () => {
    const png = await (await sharedRenderer()).leaderboard({ title: 'Teams', rows: [{ rank: 1, name: 'Owls', points: 9, colour: '#4f8ff7' }], empty: '' });
    const { messageId } = await h.router.post(channel(), {
      blocks: [
        { type: 'text', markdown: 'Weekly recap' },
        { type: 'image', png, alt: 'Teams: 1. Owls 9', filename: 'teams week.png' },
      ],
    });
    const message = h.fake.world.messageById.get(messageId);
    expect(message?.content).toBe('Weekly recap');
    // A name Discord would refuse is made safe, and the embed points at that name.
    expect(message?.embeds[0]?.['image']).toMatchObject({ url: 'attachment://teams_week.png' });
    const [attachment] = (message?.['attachments'] ?? []) as { id: string; filename: string; description: string }[];
    expect(attachment).toMatchObject({ filename: 'teams_week.png', description: 'Teams: 1. Owls 9' });
    expect(h.fake.rest.uploads.get(attachment?.id ?? '')?.data.equals(Buffer.from(png))).toBe(true);
  });

  it('sends a reply without pictures as plain JSON, as before', async () => {
    const before = h.fake.rest.uploads.size;
    const { answer } = await h.slash(h.alice, 'leaderboard');
    expect(answer.content).toContain('Alice');
    expect(answer['attachments']).toEqual([]);
    expect(h.fake.rest.uploads.size).toBe(before);
  });
});
