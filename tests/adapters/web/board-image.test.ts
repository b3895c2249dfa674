import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PLAYGROUND, userFromName } from '../../../src/adapters/web/refs.js';
import type { BoardRenderer } from '../../../src/images/render.js';
import { createStore } from '../../../src/store/create-store.js';
import { PNG_SIGNATURE, pngSize, seedBoard, sharedRenderer } from '../../images/helpers.js';
import { type Harness, messages, startHarness } from './harness.js';

const person = (name: string) => {
  const user = userFromName(name);
  if (!user) throw new Error(name);
  return user;
};

let images: BoardRenderer;
let h: Harness | undefined;
beforeAll(async () => {
  images = await sharedRenderer();
}, 60_000);
afterEach(async () => {
  await h?.stop();
  h = undefined;
});
afterAll(() => undefined);

async function seeded(opts: { token?: string } = {}): Promise<Harness> {
  const harness = await startHarness({ images, ...(opts.token ? { token: opts.token } : {}) });
  await seedBoard(
    harness.engine.services.scoring,
    PLAYGROUND,
    [
      { user: person('Ada'), points: 6, team: 'Owls' },
      { user: person('Борис'), points: 4, team: '熊猫' },
    ],
    harness.world.clock.now(),
  );
  return harness;
}

describe('the dashboard: GET /api/leaderboard.png (real web adapter, real renderer)', () => {
  it('answers image/png: the board as the image command draws it', async () => {
    h = await seeded();
    const res = await h.get('/api/leaderboard.png?board=teams&period=week');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const png = new Uint8Array(await res.arrayBuffer());
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(pngSize(png).width).toBe(800);
    expect(decodeURIComponent(res.headers.get('x-alt-text') ?? '')).toMatch(/^Teams · week 48, 2026.*1\. Owls 6; 2\. 熊猫 4$/);
  });

  it('refuses a bad board or period with 400 in JSON, and a season board with no season running with 404', async () => {
    h = await seeded();
    for (const query of ['board=pets', 'period=year', 'board=people&period=']) {
      const res = await h.get(`/api/leaderboard.png?${query}`);
      if (query.endsWith('period=')) {
        expect(res.status, query).toBe(200);
        continue;
      }
      expect(res.status, query).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(((await res.json()) as { error: string }).error).toMatch(/`(board|period)` must be one of/);
    }
    const season = await h.get('/api/leaderboard.png?period=season');
    expect(season.status).toBe(404);
    expect(((await season.json()) as { error: string }).error).toMatch(/No season is running/);
  });

  it('keeps the same door as every route: no token, no picture', async () => {
    h = await seeded({ token: 'board-secret' });
    const anonymous = await fetch(`${h.url}/api/leaderboard.png`);
    expect(anonymous.status).toBe(401);
    expect((await h.get('/api/leaderboard.png')).status).toBe(200);
  });
});

describe('the playground channel: `leaderboard … image` shows the picture inline, and it survives a restart', () => {
  it('answers with an image block whose data: address is the PNG, read back the same from the store', async () => {
    const store = await createStore('memory://');
    h = await startHarness({ images, store });
    await seedBoard(h.engine.services.scoring, PLAYGROUND, [{ user: person('Ada'), points: 6 }], h.world.clock.now());
    const res = await h.post('/api/command', { user: 'Ada', text: 'leaderboard people week image' });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { blocks: { type: string; src?: string; alt?: string }[] };
    const [block] = answer.blocks;
    expect(block).toMatchObject({ type: 'image', alt: expect.stringMatching(/^People · week 48.*1\. Ada 6$/) });
    const png = Buffer.from(block?.src?.replace(/^data:image\/png;base64,/, '') ?? '', 'base64');
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);

    await h.stop({ keepStore: true });
    h = await startHarness({ images, store });
    const shown = (await messages(h, 'Ada')).flatMap((m) => m.blocks as { type: string; src?: string }[]).find((b) => b.type === 'image');
    expect(shown?.src).toBe(block?.src);
  });
});
