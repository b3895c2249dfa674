import { metricsOf } from '../metrics.js';
import { type WorkspaceRef, workspaceOf } from '../refs.js';
import { updateDeciding } from './atomic.js';
import { addToBoards } from './boards.js';
import type { ScoringDeps } from './deps.js';
import { scoringKeys } from './keys.js';
import { monthId, weekId } from './periods.js';
import { rememberName } from './profiles.js';
import type { GradeRecord, Placement } from './records.js';
import { currentSeason } from './seasons.js';
import { timezoneOf } from './settings.js';
import { type StatsRecord, applyGrade } from './stats-record.js';
import { loadTeams, teamIdOf } from './teams.js';
import type { GradeRequest, GradeResult } from './types.js';

type Transition = { before: GradeRecord | null; changed: boolean };

/**
 * Records a grade and moves points by the difference from whatever the person's previous grade on the
 * post held. Each step is atomic on its own key, and every step applies a difference (points, counts),
 * so repeats and races add up: a duplicate changes nothing, and any number of concurrent changes end
 * with exactly the last committed grade's points on the boards.
 *
 * The one gap: the steps are not one transaction. A crash after the grade record is written but
 * before `boardAdd` runs loses that grade's delta on the boards (and a crash before the stats update
 * loses it from stats); the grade record itself is right, and a redelivery of the same grade will not
 * repair it because it sees nothing changed.
 */
export async function grade(deps: ScoringDeps, req: GradeRequest): Promise<GradeResult> {
  const { store } = deps.world;
  const ws = workspaceOf(req.user);
  const key = scoringKeys.grade(ws, req.postId, req.user.userId);
  const late = req.at.getTime() > req.closesAt.getTime();
  // A change after the post closed is late too and holds 0: the window bounds changing your mind as well.
  const points = late ? 0 : (req.points ?? deps.config.points[req.grade]);

  const [existing] = await Promise.all([store.get<GradeRecord>(key), rememberName(deps, req.user)]);
  // A retry of the grade already held needs no write at all: it is as if it arrived at this read.
  if (existing?.grade === req.grade) return unchanged(deps, ws, req, existing);
  // Where points go is decided once, by the first grade; a change reuses it.
  const placement = existing ? existing.placement : await placementOf(deps, ws, req);

  const { value: record, outcome } = await updateDeciding<GradeRecord, Transition>(store, key, (current) => {
    if (current === undefined) return { next: firstRecord(req, points, late, placement), outcome: { before: null, changed: true } };
    if (current.grade === req.grade) return { next: current, outcome: { before: current, changed: false } };
    return { next: { ...current, grade: req.grade, points, late, at: req.at.toISOString() }, outcome: { before: current, changed: true } };
  });
  const { before, changed } = outcome;
  if (!changed) return unchanged(deps, ws, req, record);

  const stats = await recordStats(deps, ws, req, before, record);
  const first = before === null;
  const streak = record.kind === 'daily' && record.dailySeq !== null ? (stats.channels[record.channelId]?.streak ?? null) : null;
  const bonus = first && !record.late && streak !== null && streak >= deps.config.streakBonus.fromStreak ? deps.config.streakBonus.points : 0;
  const delta = record.points - (before?.points ?? 0) + bonus;
  await addToBoards(deps, ws, req.user.userId, record.placement, delta, first);
  metricsOf(deps.world).graded(ws.platform, record.kind, record.grade);
  return { grade: record.grade, points: record.points, bonus, previous: before?.grade ?? null, changed: true, late: record.late, ...streakField(streak) };
}

async function unchanged(deps: ScoringDeps, ws: WorkspaceRef, req: GradeRequest, record: GradeRecord): Promise<GradeResult> {
  const daily = record.kind === 'daily' && record.dailySeq !== null;
  const stats = daily ? await deps.world.store.get<StatsRecord>(scoringKeys.stats(ws, req.user.userId)) : undefined;
  const streak = stats?.channels[record.channelId]?.streak ?? null;
  return { grade: record.grade, points: record.points, bonus: 0, previous: record.grade, changed: false, late: record.late, ...streakField(streak) };
}

async function placementOf(deps: ScoringDeps, ws: WorkspaceRef, req: GradeRequest): Promise<Placement> {
  const [tz, season, teamId, teams] = await Promise.all([
    timezoneOf(deps, ws),
    currentSeason(deps, ws),
    teamIdOf(deps, req.user),
    loadTeams(deps, ws),
  ]);
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

/** Applies the transition to the person's stats; the first grade of a daily post also moves the streak. */
async function recordStats(deps: ScoringDeps, ws: WorkspaceRef, req: GradeRequest, before: GradeRecord | null, after: GradeRecord): Promise<StatsRecord> {
  const daily = before === null && after.kind === 'daily' && after.dailySeq !== null ? { channelId: after.channelId, seq: after.dailySeq } : undefined;
  return deps.world.store.update<StatsRecord>(scoringKeys.stats(ws, req.user.userId), (current) =>
    applyGrade(current, {
      before: before && { grade: before.grade, late: before.late },
      after: { grade: after.grade, late: after.late },
      category: after.category,
      ...(daily ? { daily } : {}),
    }),
  );
}

function streakField(streak: number | null): { streak?: number } {
  return streak === null ? {} : { streak };
}
