import { describe, expect, it } from 'vitest';
import type { DigestDeps } from '../../../src/core/digest/index.js';
import type { BoardImages, BoardPicture } from '../../../src/core/images.js';
import type { PracticeStats } from '../../../src/core/practice/service.js';
import type { UserRef, WorkspaceRef } from '../../../src/core/refs.js';
import { replyText } from '../../../src/core/reply.js';
import { admin, channel, openHarness, person, workspace } from './harness.js';

const alice = person('Alice');
const bob = person('Bob');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

/** Draws nothing: keeps what it was asked to draw, or fails when told to. */
class RecordingImages implements BoardImages {
  readonly drawn: BoardPicture[] = [];
  failing = false;
  async leaderboard(board: BoardPicture): Promise<Uint8Array> {
    if (this.failing) throw new Error('no fonts');
    this.drawn.push(board);
    return PNG;
  }
}

function stats(partial: Partial<PracticeStats>): PracticeStats {
  return { learned: 0, dueToday: 0, dueWeek: 0, forecast: [], retention: null, reviews30: 0, streak: 0, bestStreak: 0, mastery: [], ...partial };
}

/** Week 47: Alice (Owls) 6 points, Bob (no team) 3. */
async function seeded(extras: Pick<DigestDeps, 'images' | 'practice'>) {
  const h = await openHarness({ start: '2026-11-23T08:00:00Z', extras });
  await h.scoring.createTeam(workspace, 'Owls', admin);
  await h.scoring.joinTeam(alice, 'Owls');
  await h.grade(alice, 1, '2026-11-20T09:00:00Z', 'got');
  await h.grade(alice, 2, '2026-11-21T09:00:00Z', 'got');
  await h.grade(bob, 2, '2026-11-21T09:00:00Z', 'got');
  return h;
}

describe('what the digest carries when the process has them', () => {
  it('the week board as a picture, coloured by team, after the title', async () => {
    const images = new RecordingImages();
    const h = await seeded({ images });
    await h.digest.postNow(channel, admin);
    expect(images.drawn).toEqual([
      {
        title: 'People · week 47, 2026 (16 Nov – 22 Nov)',
        empty: 'Nobody graded a question.',
        rows: [
          { rank: 1, name: 'Alice', points: 6, colour: '#4f8ff7', detail: 'Owls' },
          { rank: 2, name: 'Bob', points: 3, colour: '#8b949e' },
        ],
      },
    ]);
    const [post] = h.platform.posts();
    expect(post?.reply.blocks[1]).toEqual({ type: 'image', png: PNG, alt: 'People · week 47, 2026 (16 Nov – 22 Nov); 1. Alice 6; 2. Bob 3', filename: 'digest-2026-W47.png' });
  });

  it('draws a board shared by two channels of the workspace once, and tries again after a failed drawing', async () => {
    const images = new RecordingImages();
    const h = await seeded({ images });
    await h.digest.postNow(channel, admin);
    await h.digest.postNow({ ...channel, channelId: 'random' }, admin);
    expect(images.drawn).toHaveLength(1);
    expect(h.platform.posts().map((p) => p.reply.blocks[1]?.type)).toEqual(['image', 'image']);

    const failing = new RecordingImages();
    failing.failing = true;
    const again = await seeded({ images: failing });
    await again.digest.postNow(channel, admin);
    failing.failing = false;
    await again.digest.postNow(channel, admin);
    expect(failing.drawn).toHaveLength(1);
    expect(again.platform.posts().map((p) => p.reply.blocks[1]?.type)).toEqual(['text', 'image']);
  });

  it('the text alone, with one warning, when drawing fails', async () => {
    const images = new RecordingImages();
    images.failing = true;
    const h = await seeded({ images });
    await h.digest.postNow(channel, admin);
    const [post] = h.platform.posts();
    expect(post?.reply.blocks.some((b) => b.type === 'image')).toBe(false);
    expect(replyText(post?.reply ?? { blocks: [] })).toContain('1. **Alice** · 6 points · new');
    expect(h.world.logger.at('warn').map((e) => e.msg)).toEqual(['digest: the board image could not be made; posting the text alone']);
  });

  it('practice figures summed over the people who practise', async () => {
    const practice = {
      async people(ws: WorkspaceRef) {
        expect(ws).toEqual(workspace);
        return ['alice', 'bob', 'carol'];
      },
      async stats(user: UserRef) {
        if (user.userId === 'alice') return stats({ learned: 40, reviews30: 120, streak: 5 });
        if (user.userId === 'bob') return stats({ learned: 10, reviews30: 15 });
        return stats({});
      },
    };
    const h = await seeded({ practice });
    const content = await h.digest.content(channel, h.world.clock.now());
    expect(content.practice).toEqual({ people: 2, cards: 50, reviews30: 135, onStreak: 1 });
    await h.digest.postNow(channel, admin);
    expect(replyText(h.platform.posts()[0]?.reply ?? { blocks: [] })).toContain('Practice: 2 people hold 50 cards · 135 reviews in 30 days · 1 on a practice streak');
  });

  it('no practice line when nobody practises, and the digest still goes out when practice fails', async () => {
    const none = await seeded({ practice: { people: async () => [], stats: async () => stats({}) } });
    expect((await none.digest.content(channel, none.world.clock.now())).practice).toBeNull();
    const broken = await seeded({
      practice: {
        people: async () => {
          throw new Error('store down');
        },
        stats: async () => stats({}),
      },
    });
    await broken.digest.postNow(channel, admin);
    expect(broken.platform.posts()).toHaveLength(1);
    expect(broken.world.logger.at('warn').map((e) => e.msg)).toContain('digest: practice figures unavailable; posting without them');
  });
});
