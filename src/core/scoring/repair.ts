import type { BoardIncrement } from '../../store/store.js';
import { PLATFORMS, type WorkspaceRef } from '../refs.js';
import { slotsOf } from './boards.js';
import type { ScoringDeps } from './service.js';
import { ALL_GRADES } from './grades.js';
import { boardName, scoringKeys } from './keys.js';
import { EMPTY_TEAMS, type GradeRecord, POINTS_FLOOR, type TeamsIndex } from './store.js';
import { registerTeamBoards } from './team-boards.js';
import type { SettleReport } from './types.js';

/**
 * Settling grades an older version wrote. Before grades were one transaction, a crash between a grade's
 * record and its board increments left a record whose points never reached the boards (and later
 * changes of it then subtracted points the boards never had).
 *
 * Such a record cannot be repaired exactly from what it holds: it does not say whether its increments
 * landed, and a board is a sum over many records plus streak bonuses, which no record keeps. What the
 * records do prove is a lower bound: every point on a board comes from a grade record's `points` or a
 * bonus (never negative), and nothing but removing a team takes points away. So for every board row,
 * the sum of the points of the records placed on it is at most what the row should hold; a row below
 * that sum is missing points those records earned, and this pass raises it to the sum (and lifts any
 * negative row to 0). It never adds a point no record proves. What it cannot see: a torn change that
 * should have lowered a row (the row stays too high), points missing from a row that bonuses happen to
 * cover, and stats (counts and streaks) that missed a torn grade.
 *
 * Each row is raised in one transaction that reads the records and the score together, so it cannot add
 * twice, and running the pass again changes nothing. Grades wait while it runs (see grading.ts): a
 * new grade's points on a row the pass has not reached would otherwise hide that row's deficit, since
 * the pass only sums the records its scan found. Processes starting together run it once (a lease);
 * the others wait for it. Old-version processes must be stopped first: they can still tear grades. It is bounded: it runs once per store (a marker records that it finished;
 * a crash midway means the next start runs it again), reads each record once, keeps at most
 * BATCH_RECORDS records in memory (a row spread over several batches is raised to the sum of each
 * batch in turn, a weaker but still safe bound), and reads at most GROUP_RECORDS records per transaction.
 */
const DONE = 'scoring:settled-grades:v1';
const LEASE = 'scoring:settling-grades';
const LEASE_MS = 15 * 60_000;
const LEASE_POLL_MS = 1000;
const SCAN_PAGE = 500;
const BATCH_RECORDS = 20_000;
const GROUP_RECORDS = 2_000;
const READS_AT_ONCE = 64;
const SETTLES_AT_ONCE = 8;

/** A board row and the grade records placed on it. */
interface Row {
  ws: WorkspaceRef;
  board: string;
  member: string;
  /** The team on team boards; null on a person's board. */
  teamId: string | null;
  keys: string[];
}

export async function settleOldGrades(deps: ScoringDeps): Promise<SettleReport> {
  const { store } = deps.world;
  const report: SettleReport = { ran: false, records: 0, rows: 0, points: 0 };
  const token = `${deps.world.clock.now().toISOString()}-${deps.world.random.next()}`;
  // Another process running the pass holds the lease; wait for it to finish (or die, freeing the lease).
  for (;;) {
    if ((await store.get(DONE)) !== undefined) return report;
    if (await store.setIfAbsent(LEASE, token, LEASE_MS)) break;
    await pause(deps, LEASE_POLL_MS);
  }
  try {
    report.ran = true;
    let cursor: string | null = null;
    const batch = new Set<string>();
    do {
      const page = await store.scanKeys(':grade:', cursor, SCAN_PAGE);
      for (const key of page.keys) if (parseGradeKey(key)) batch.add(key);
      cursor = page.cursor;
      if (batch.size >= BATCH_RECORDS || cursor === null) {
        await settleBatch(deps, [...batch], report);
        batch.clear();
        // A long pass must not lose its lease to a second process midway.
        await store.renew(LEASE, token, LEASE_MS);
      }
    } while (cursor !== null);
    await store.set(DONE, { at: deps.world.clock.now().toISOString(), ...report });
    return report;
  } finally {
    await store.release(LEASE, token);
  }
}

async function settleBatch(deps: ScoringDeps, keys: string[], report: SettleReport): Promise<void> {
  const rows = new Map<string, Row>();
  for (let i = 0; i < keys.length; i += READS_AT_ONCE) {
    const chunk = keys.slice(i, i + READS_AT_ONCE);
    const records = await Promise.all(chunk.map((key) => deps.world.store.get<unknown>(key)));
    chunk.forEach((key, j) => {
      const record = records[j];
      const parsed = parseGradeKey(key);
      if (!parsed || !isGradeRecord(record)) return;
      report.records += 1;
      for (const row of rowsOf(parsed.ws, parsed.userId, record)) {
        const id = `${row.board}\u0000${row.member}`;
        const known = rows.get(id);
        if (known) known.keys.push(key);
        else rows.set(id, { ...row, keys: [key] });
      }
    });
  }
  const work = [...rows.values()].flatMap((row) => chunksOf(row.keys, GROUP_RECORDS).map((part) => ({ ...row, keys: part })));
  for (let i = 0; i < work.length; i += SETTLES_AT_ONCE) {
    const raised = await Promise.all(work.slice(i, i + SETTLES_AT_ONCE).map((row) => settleRow(deps, row)));
    for (const points of raised) {
      if (points === null) continue;
      report.rows += 1;
      report.points += points;
    }
  }
}

/** Raises one row to the sum its records prove; the points added, or null when it needed nothing. */
async function settleRow(deps: ScoringDeps, row: Row): Promise<number | null> {
  if (row.teamId !== null) await registerTeamBoards(deps, row.ws, [row.board]);
  const teamsKey = scoringKeys.teams(row.ws);
  return deps.world.store.transact({ keys: row.teamId === null ? row.keys : [...row.keys, teamsKey], scores: [{ board: row.board, member: row.member }] }, (snapshot) => {
    if (row.teamId !== null) {
      // A removed team was cleared from its boards and must not grow back.
      const { teams } = snapshot.value<TeamsIndex>(teamsKey) ?? EMPTY_TEAMS;
      if (!teams.some((t) => t.id === row.teamId)) return { result: null };
    }
    let proven = 0;
    for (const key of row.keys) {
      const record = snapshot.value<unknown>(key);
      if (isGradeRecord(record)) proven += Math.max(0, record.points);
    }
    const score = snapshot.score(row.board, row.member);
    const raise = Math.max(0, proven - (score ?? 0));
    // A person with only a "missed" still shows on their boards, as the grade would have put them.
    const missingPerson = score === null && row.teamId === null;
    if (raise === 0 && !missingPerson && (score === null || score >= POINTS_FLOOR)) return { result: null };
    const add: BoardIncrement = { board: row.board, member: row.member, delta: raise, floor: POINTS_FLOOR };
    return { boardAdds: [add], result: raise };
  });
}

function rowsOf(ws: WorkspaceRef, userId: string, record: GradeRecord): Omit<Row, 'keys'>[] {
  const slots = slotsOf(record.placement);
  const teamId = record.placement.teamId;
  return [
    ...slots.map((slot) => ({ ws, board: boardName(ws, 'people', slot), member: userId, teamId: null })),
    ...(teamId === null ? [] : slots.map((slot) => ({ ws, board: boardName(ws, 'teams', slot), member: teamId, teamId }))),
  ];
}

/** `<platform>:<workspace>:grade:<post>:<user>`, post and user URI-encoded (see keys.ts). */
const GRADE_KEY = /^([a-z]+):(.+):grade:([^:]*):([^:]*)$/;

export function parseGradeKey(key: string): { ws: WorkspaceRef; userId: string } | undefined {
  const match = GRADE_KEY.exec(key);
  const platform = PLATFORMS.find((p) => p === match?.[1]);
  if (!match || platform === undefined) return undefined;
  const ws: WorkspaceRef = { platform, workspaceId: match[2] ?? '' };
  try {
    const userId = decodeURIComponent(match[4] ?? '');
    // Only a key grade() itself would write: anything else that merely contains ":grade:" is left alone.
    return scoringKeys.grade(ws, decodeURIComponent(match[3] ?? ''), userId) === key ? { ws, userId } : undefined;
  } catch {
    return undefined;
  }
}

function isGradeRecord(value: unknown): value is GradeRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Partial<GradeRecord>;
  const p = r.placement;
  return (
    typeof r.grade === 'string' &&
    (ALL_GRADES as readonly string[]).includes(r.grade) &&
    typeof r.points === 'number' &&
    Number.isFinite(r.points) &&
    typeof p === 'object' &&
    p !== null &&
    typeof p.week === 'string' &&
    typeof p.month === 'string' &&
    (p.teamId === null || typeof p.teamId === 'string') &&
    (p.season === null || typeof p.season === 'string')
  );
}

function pause(deps: ScoringDeps, ms: number): Promise<void> {
  return new Promise((resolve) => deps.world.timers.after(ms, resolve));
}

function chunksOf<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
