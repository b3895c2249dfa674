import type { WorkspaceRef } from '../refs.js';
import type { ScoringDeps } from './service.js';
import { scoringKeys } from './keys.js';
import { POINTS_FLOOR } from './store.js';

/**
 * The store can delete a whole board but not one member, and team boards are spread over every week
 * and month a team ever scored in. So the boards a team row may sit on are listed here as they are
 * first written, and a removed team is brought to zero on each (leaderboards also skip teams that no
 * longer exist, which hides the row even if a late grade lands on it afterwards).
 */
export async function registerTeamBoards(deps: ScoringDeps, ws: WorkspaceRef, boards: readonly string[]): Promise<void> {
  const cache = deps.teamBoardRegistrations;
  const fresh = boards.filter((b) => !cache.has(b));
  if (fresh.length > 0) {
    const registering = register(deps, ws, fresh);
    for (const b of fresh) cache.set(b, registering);
    // A failed write must be retried by the next grade, not remembered as done.
    registering.catch(() => {
      for (const b of fresh) if (cache.get(b) === registering) cache.delete(b);
    });
  }
  await Promise.all(boards.map((b) => cache.get(b)));
}

async function register(deps: ScoringDeps, ws: WorkspaceRef, boards: readonly string[]): Promise<void> {
  const key = scoringKeys.teamBoards(ws);
  // Usually another process or an earlier run registered them already: a read is cheaper than a write.
  const known = (await deps.world.store.get<string[]>(key)) ?? [];
  if (boards.every((b) => known.includes(b))) return;
  await deps.world.store.update<string[]>(key, (current = []) => {
    const missing = boards.filter((b) => !current.includes(b));
    return missing.length === 0 ? current : [...current, ...missing];
  });
}

/**
 * Brings the team's row to 0 on every board it may sit on. The score is read inside the transaction
 * that subtracts it, so a grade landing meanwhile cannot make the subtraction overshoot into a negative.
 */
export async function clearTeamFromBoards(deps: ScoringDeps, ws: WorkspaceRef, teamId: string): Promise<void> {
  const { store } = deps.world;
  const boards = (await store.get<string[]>(scoringKeys.teamBoards(ws))) ?? [];
  await Promise.all(
    boards.map((board) =>
      store.transact({ keys: [], scores: [{ board, member: teamId }] }, (snapshot) => {
        const score = snapshot.score(board, teamId);
        return { boardAdds: score === null || score === 0 ? [] : [{ board, member: teamId, delta: -score, floor: POINTS_FLOOR }], result: null };
      }),
    ),
  );
}
