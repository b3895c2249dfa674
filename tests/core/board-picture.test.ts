import { beforeEach, describe, expect, it } from 'vitest';
import leaderboard from '../../commands/leaderboard.js';
import { boardPicture } from '../../src/core/board-picture.js';
import { defaultEngineConfig } from '../../src/core/engine-config.js';
import { type BoardPicture, NO_TEAM_COLOUR, teamColour } from '../../src/core/images.js';
import { replyText } from '../../src/core/reply.js';
import type { ScoringService } from '../../src/core/scoring/index.js';
import { createScoringService } from '../../src/core/scoring/create.js';
import { type TestWorld, createTestWorld } from '../fakes/world.js';
import { commandHarness } from '../helpers/commands.js';
import { web } from '../helpers/people.js';
import { seedBoard } from '../images/helpers.js';

let world: TestWorld;
let scoring: ScoringService;
const query = (kind: 'people' | 'teams', user = web.alice) => ({ workspace: web.channel, kind, period: 'week' as const, user, at: world.clock.now() });

beforeEach(async () => {
  world = await createTestWorld();
  scoring = createScoringService({ world, config: defaultEngineConfig });
  await seedBoard(
    scoring,
    web.channel,
    [
      { user: web.alice, points: 9, team: 'Owls' },
      { user: web.bob, points: 6, team: 'Larks' },
      { user: web.carol, points: 3 },
    ],
    world.clock.now(),
  );
});

describe('a board as a picture: what the core asks the renderer to draw', () => {
  it('colours each person by their team, names the team under them, and marks the asker', async () => {
    const picture = await boardPicture(scoring, query('people', web.bob));
    expect(picture.title).toMatch(/^People · week 48, 2026/);
    expect(picture.subtitle).toBe('You: #2 with 6 points');
    expect(picture.rows).toEqual([
      { rank: 1, name: 'Alice', points: 9, colour: teamColour('t1'), detail: 'Owls' },
      { rank: 2, name: 'Bob', points: 6, colour: teamColour('t2'), detail: 'Larks', own: true },
      { rank: 3, name: 'Carol', points: 3, colour: NO_TEAM_COLOUR },
    ]);
  });

  it('draws teams in their own colours with their size, and the asker’s team marked', async () => {
    const picture = await boardPicture(scoring, query('teams'));
    expect(picture.rows.map((r) => [r.name, r.colour, r.detail, r.own ?? false])).toEqual([
      ['Owls', teamColour('t1'), '1 member', true],
      ['Larks', teamColour('t2'), '1 member', false],
    ]);
    expect(picture.subtitle).toBe('Your team Owls: #1 with 9 points');
  });

  it('says so when nobody has points yet', async () => {
    world.clock.advance(8 * 24 * 60 * 60 * 1000);
    const picture = await boardPicture(scoring, query('people'));
    expect(picture.rows).toEqual([]);
    expect(picture.empty).toBe('Nobody has points this week.');
  });
});

describe('`leaderboard … image` (the command, through the real dispatcher)', () => {
  it('answers with one image block from the images port, its alt text the board in words', async () => {
    const drawn: BoardPicture[] = [];
    const images = {
      leaderboard: async (p: BoardPicture) => {
        drawn.push(p);
        return new Uint8Array([1, 2, 3]);
      },
    };
    const h = commandHarness({ commands: [leaderboard], services: { scoring, images }, now: () => world.clock.now() });
    const reply = await h.reply('leaderboard teams week image');
    expect(reply.blocks).toEqual([
      { type: 'image', png: new Uint8Array([1, 2, 3]), alt: expect.stringMatching(/^Teams · week 48.*; 1\. Owls 9; 2\. Larks 6$/), filename: 'leaderboard-teams-week.png' },
    ]);
    expect(drawn).toHaveLength(1);
    expect(reply.ephemeral).toBeUndefined();
  });

  it('answers in words, saying why, where the process has no renderer', async () => {
    const h = commandHarness({ commands: [leaderboard], services: { scoring, images: null }, now: () => world.clock.now() });
    const text = replyText(await h.reply('leaderboard people week image'));
    expect(text).toContain('1. **Alice** · 9 points');
    expect(text).toContain('Pictures are not available on this server');
  });
});
