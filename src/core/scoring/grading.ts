import type { BoardIncrement, TransactionPlan, TransactionSnapshot } from '../../store/store.js';
import type { EngineConfig } from '../engine-config.js';
import { metricsOf } from '../metrics.js';
import { type UserRef, type WorkspaceRef, workspaceOf } from '../refs.js';
import { liveTeamBoards, pointIncrements } from './boards.js';
import type { ScoringDeps } from './service.js';
import { scoringKeys } from './keys.js';
import { monthId, weekId } from './periods.js';
import { rememberName } from './profiles.js';
import type { GradeRecord, Placement } from './store.js';
import { currentSeason } from './seasons.js';
import { timezoneOf } from './settings.js';
import { type StatsRecord, applyGrade } from './stats-record.js';
import { loadTeams, teamIdOf } from './teams.js';
import type { GradeRequest, GradeResult, HeldGrade } from './types.js';

/** What the committed transaction decided. */
type Decision =
  | { kind: 'unchanged'; record: GradeRecord }
  | { kind: 'changed'; before: GradeRecord | null; record: GradeRecord; bonus: number; streak: number | null }
  /** A first grade committed meanwhile with another placement, whose team boards were not looked up. */
  | { kind: 'replan'; record: GradeRecord };

/** Where the points of a grade go, and which of those boards are team boards still live. */
interface Target {
  placement: Placement;
  teamBoards: string[];
}

/**
 * Records a grade and moves points by the difference from whatever the person's previous grade on the
 * post held. The record, the person's stats and every board increment (person and team; week, month,
 * season, all time) are one store transaction: a crash or an error at any point leaves either all of
 * them or none. Each transaction applies differences computed from the record it read, so repeats and
 * races add up: a duplicate changes nothing, and any number of concurrent changes end with exactly the
 * last committed grade's points on the boards.
 */
export async function grade(deps: ScoringDeps, req: GradeRequest): Promise<GradeResult> {
  const { store } = deps.world;
  const ws = workspaceOf(req.user);
  const key = scoringKeys.grade(ws, req.postId, req.user.userId);
  if (deps.settling.pass) await deps.settling.pass.catch(() => undefined);

  // The name is for boards and `stats <name>`: a store hiccup keeping it must not cost the grade.
  const keepingName = rememberName(deps, req.user).catch((err: unknown) => deps.world.logger.warn({ err, user: req.user.userId }, 'could not keep a name'));
  const [existing] = await Promise.all([store.get<GradeRecord>(key), keepingName]);
  // A retry of the grade already held needs no write at all: it is as if it arrived at this read.
  if (existing?.grade === req.grade) return unchanged(deps, ws, req, existing);
  // Where points go is decided once, by the first grade; a change reuses it.
  let target = await targetOf(deps, ws, existing?.placement ?? (await placementOf(deps, ws, req)));
  for (;;) {
    const decision = await store.transact({ keys: [key, scoringKeys.stats(ws, req.user.userId)] }, (snapshot) => decide(deps.config, ws, req, key, target, snapshot));
    if (decision.kind === 'replan') {
      target = await targetOf(deps, ws, decision.record.placement);
      continue;
    }
    if (decision.kind === 'unchanged') return unchanged(deps, ws, req, decision.record);
    const { before, record, bonus, streak } = decision;
    metricsOf(deps.world).graded(ws.platform, record.kind, record.grade);
    return { grade: record.grade, points: record.points, bonus, previous: before?.grade ?? null, changed: true, late: record.late, ...streakField(streak) };
  }
}

export async function gradeOn(deps: ScoringDeps, user: UserRef, postId: string): Promise<HeldGrade | null> {
  const record = await deps.world.store.get<GradeRecord>(scoringKeys.grade(workspaceOf(user), postId, user.userId));
  return record ? { grade: record.grade, points: record.points, late: record.late } : null;
}

/** Pure: the store may run it more than once. Everything it writes comes from what it read. */
function decide(config: EngineConfig, ws: WorkspaceRef, req: GradeRequest, key: string, target: Target, snapshot: TransactionSnapshot): TransactionPlan<Decision> {
  const statsKey = scoringKeys.stats(ws, req.user.userId);
  const current = snapshot.value<GradeRecord>(key);
  if (current?.grade === req.grade) return { result: { kind: 'unchanged', record: current } };
  if (current && !samePlacement(current.placement, target.placement)) return { result: { kind: 'replan', record: current } };

  const late = req.at.getTime() > req.closesAt.getTime();
  // A change after the post closed is late too and holds 0: the window bounds changing your mind as well.
  const points = late ? 0 : (req.points ?? config.points[req.grade]);
  const record: GradeRecord = current ? { ...current, grade: req.grade, points, late, at: req.at.toISOString() } : firstRecord(req, points, late, target.placement);
  const stats = nextStats(snapshot.value<StatsRecord>(statsKey), current ?? null, record);
  const first = current === undefined;
  const streak = record.kind === 'daily' && record.dailySeq !== null ? (stats.channels[record.channelId]?.streak ?? null) : null;
  const bonus = first && !record.late && streak !== null && streak >= config.streakBonus.fromStreak ? config.streakBonus.points : 0;
  const delta = record.points - (current?.points ?? 0) + bonus;
  return {
    set: new Map<string, unknown>([
      [key, record],
      [statsKey, stats],
    ]),
    boardAdds: [...pointIncrements(ws, req.user.userId, record.placement, target.teamBoards, delta, first), ...questionTallies(ws, req.questionId, current ?? null, record)],
    result: { kind: 'changed', before: current ?? null, record, bonus, streak },
  };
}

async function targetOf(deps: ScoringDeps, ws: WorkspaceRef, placement: Placement): Promise<Target> {
  return { placement, teamBoards: await liveTeamBoards(deps, ws, placement) };
}

function samePlacement(a: Placement, b: Placement): boolean {
  return a.teamId === b.teamId && a.week === b.week && a.month === b.month && a.season === b.season;
}

async function unchanged(deps: ScoringDeps, ws: WorkspaceRef, req: GradeRequest, record: GradeRecord): Promise<GradeResult> {
  const daily = record.kind === 'daily' && record.dailySeq !== null;
  const stats = daily ? await deps.world.store.get<StatsRecord>(scoringKeys.stats(ws, req.user.userId)) : undefined;
  const streak = stats?.channels[record.channelId]?.streak ?? null;
  return { grade: record.grade, points: record.points, bonus: 0, previous: record.grade, changed: false, late: record.late, ...streakField(streak) };
}

async function placementOf(deps: ScoringDeps, ws: WorkspaceRef, req: GradeRequest): Promise<Placement> {
  const [tz, season, teamId, teams] = await Promise.all([timezoneOf(deps, ws), currentSeason(deps, ws), teamIdOf(deps, req.user), loadTeams(deps, ws)]);
  return {
    // A membership pointing at a removed team means no team.
    teamId: teams.teams.some((t) => t.id === teamId) ? teamId : null,
    week: weekId(req.postedAt, tz),
    month: monthId(req.postedAt, tz),
    season: season?.id ?? null,
  };
}

function firstRecord(req: GradeRequest, points: number, late: boolean, placement: Placement): GradeRecord {
  return {
    grade: req.grade,
    points,
    late,
    kind: req.kind,
    category: req.category,
    channelId: req.channel.channelId,
    dailySeq: req.dailySeq ?? null,
    placement,
    firstAt: req.at.toISOString(),
    at: req.at.toISOString(),
  };
}

/** The person's stats after the transition; the first grade of a daily post also moves the streak. */
function nextStats(current: StatsRecord | undefined, before: GradeRecord | null, after: GradeRecord): StatsRecord {
  const daily = before === null && after.kind === 'daily' && after.dailySeq !== null ? { channelId: after.channelId, seq: after.dailySeq } : undefined;
  return applyGrade(current, {
    before: before && { grade: before.grade, late: before.late },
    after: { grade: after.grade, late: after.late },
    category: after.category,
    ...(daily ? { daily } : {}),
  });
}

/**
 * The week's per-question tallies (for the digest's most-missed question): a first grade counts once on
 * `graded`, and `missed` follows the grade as it changes. In the grade's own transaction, so retries and
 * races add up exactly as the points do.
 */
function questionTallies(ws: WorkspaceRef, questionId: string, before: GradeRecord | null, after: GradeRecord): BoardIncrement[] {
  const week = after.placement.week;
  const missed = (after.grade === 'missed' ? 1 : 0) - (before?.grade === 'missed' ? 1 : 0);
  return [
    ...(before === null ? [{ board: scoringKeys.questionTally(ws, week, 'graded'), member: questionId, delta: 1 }] : []),
    ...(missed !== 0 ? [{ board: scoringKeys.questionTally(ws, week, 'missed'), member: questionId, delta: missed, floor: 0 }] : []),
  ];
}

function streakField(streak: number | null): { streak?: number } {
  return streak === null ? {} : { streak };
}
