import { type WorkspaceRef, workspaceKey } from '../../src/core/refs.js';
import { boardName, scoringKeys } from '../../src/core/scoring/keys.js';
import type { GradeRecord } from '../../src/core/scoring/store.js';
import type { Store } from '../../src/store/store.js';

interface Pressed {
  ws: WorkspaceRef;
  postId: string;
  userId: string;
  /** The answer said the grade counted ("Recorded", "Changed", "Already recorded", "Right!", "Not quite"). */
  confirmed: boolean;
}

export interface LedgerVerdict {
  gradedPairs: number;
  records: number;
  /** Confirmed presses whose grade record is missing. */
  lost: string[];
  /** Board rows that differ from the sum of their grade records' points. */
  mismatches: string[];
  negative: string[];
  boardPoints: number;
  recordPoints: number;
}

/**
 * Every (post, person) the soak graded, so the end can read each grade record back and compare the
 * boards with them. It reads through the store's get and boardTop and scoring's own key names, as the
 * product's tests do, so it checks what landed rather than what the answers claimed. The soak grades
 * only every other daily post (see traffic.ts): the streak bonus lives on the boards alone, and with no
 * two consecutive posts graded no streak reaches it, so the boards must equal the records exactly.
 */
export class GradeLedger {
  private readonly pressed = new Map<string, Pressed>();

  press(ws: WorkspaceRef, postId: string, userId: string, confirmed: boolean): void {
    const key = `${workspaceKey(ws)}|${postId}|${userId}`;
    const before = this.pressed.get(key);
    this.pressed.set(key, { ws, postId, userId, confirmed: confirmed || (before?.confirmed ?? false) });
  }

  get size(): number {
    return this.pressed.size;
  }

  async check(store: Store, workspaces: readonly WorkspaceRef[]): Promise<LedgerVerdict> {
    const people = new Map<string, number>();
    const teams = new Map<string, number>();
    const lost: string[] = [];
    let records = 0;
    for (const p of this.pressed.values()) {
      const record = await store.get<GradeRecord>(scoringKeys.grade(p.ws, p.postId, p.userId));
      if (!record) {
        if (p.confirmed) lost.push(`${workspaceKey(p.ws)} ${p.userId} on ${p.postId}`);
        continue;
      }
      records++;
      const personKey = `${workspaceKey(p.ws)}|${p.userId}`;
      people.set(personKey, (people.get(personKey) ?? 0) + record.points);
      if (record.placement.teamId !== null) {
        const teamKey = `${workspaceKey(p.ws)}|${record.placement.teamId}`;
        teams.set(teamKey, (teams.get(teamKey) ?? 0) + record.points);
      }
    }

    const mismatches: string[] = [];
    const negative: string[] = [];
    let boardPoints = 0;
    for (const ws of workspaces) {
      for (const [kind, expected] of [
        ['people', people],
        ['teams', teams],
      ] as const) {
        const rows = await store.boardTop(boardName(ws, kind, { period: 'all' }), 1_000_000);
        const onBoard = new Map(rows.map((r) => [r.member, r.score]));
        for (const r of rows) if (r.score < 0) negative.push(`${workspaceKey(ws)} ${kind} ${r.member}: ${r.score}`);
        if (kind === 'people') boardPoints += rows.reduce((sum, r) => sum + r.score, 0);
        const prefix = `${workspaceKey(ws)}|`;
        const members = new Set([...onBoard.keys(), ...[...expected.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length))]);
        for (const member of members) {
          const want = expected.get(prefix + member) ?? 0;
          const got = onBoard.get(member) ?? 0;
          if (want !== got) mismatches.push(`${workspaceKey(ws)} ${kind} ${member}: board ${got}, grade records ${want}`);
        }
      }
    }
    const recordPoints = [...people.values()].reduce((a, b) => a + b, 0);
    return { gradedPairs: this.pressed.size, records, lost, mismatches, negative, boardPoints, recordPoints };
  }
}
