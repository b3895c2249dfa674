import { GRADE_LABELS, type Grade } from '../scoring/grades.js';
import type { GradeResult } from '../scoring/types.js';

/** "Recorded: Got it (+3). Streak 4." / "Changed from Partly to Got it (+2)." / the late and repeat cases. */
export function describeGradeResult(result: GradeResult, points: Record<Grade, number>): string {
  const label = GRADE_LABELS[result.grade];
  if (result.late) return 'That post closed for scoring; recorded for your stats.';
  if (!result.changed) return `Already recorded: ${label}.`;
  if (result.previous !== null) {
    // The bonus stays with the first grade, so a change moves the score by the difference in grade points.
    const delta = result.points - points[result.previous];
    return `Changed from ${GRADE_LABELS[result.previous]} to ${label} (${signed(delta)}).`;
  }
  const bonus = result.bonus > 0 ? `, ${signed(result.bonus)} streak bonus` : '';
  const streak = result.streak !== undefined && result.streak > 0 ? ` Streak ${result.streak}.` : '';
  return `Recorded: ${label} (${signed(result.points)}${bonus}).${streak}`;
}

function signed(n: number): string {
  return n < 0 ? `−${Math.abs(n)}` : `+${n}`;
}
