import type { ChannelRef, UserRef } from '../../src/core/refs.js';
import type { ScoringService } from '../../src/core/scoring/index.js';
import { type BoardRenderer, createBoardRenderer } from '../../src/images/render.js';

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk; throws when the bytes are not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  if (!PNG_SIGNATURE.every((b, i) => png[i] === b)) throw new Error('not a PNG');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

let renderer: Promise<BoardRenderer> | undefined;
/**
 * One renderer per test file: opening it reads the fonts, and the first picture also starts satori's
 * layout engine (seconds on a busy machine), which would otherwise land inside a test's time limits.
 */
export function sharedRenderer(): Promise<BoardRenderer> {
  renderer ??= createBoardRenderer().then(async (r) => {
    await r.leaderboard({ title: 'Warm-up', rows: [{ rank: 1, name: 'Ada', points: 1, colour: '#4f8ff7' }], empty: '' });
    return r;
  });
  return renderer;
}

export interface Scorer {
  user: UserRef;
  points: number;
  team?: string;
}

/**
 * Puts people on this week's boards through the scoring service (one quiz grade each, worth their
 * points), creating and joining teams as named.
 */
export async function seedBoard(scoring: ScoringService, channel: ChannelRef, people: readonly Scorer[], at: Date): Promise<void> {
  const ws = { platform: channel.platform, workspaceId: channel.workspaceId };
  const made = new Set<string>();
  for (const [i, p] of people.entries()) {
    if (p.team && !made.has(p.team)) {
      await scoring.createTeam(ws, p.team, p.user);
      made.add(p.team);
    }
    if (p.team) await scoring.joinTeam(p.user, p.team);
    await scoring.grade({
      postId: `seed-${i}`,
      kind: 'quiz',
      user: p.user,
      channel,
      questionId: `q${i}`,
      category: null,
      grade: 'got',
      postedAt: at,
      closesAt: new Date(at.getTime() + 60_000),
      at,
      points: p.points,
    });
  }
}
