import type { ScoringDeps } from './service.js';
import { settleOldGrades } from './repair.js';
import type { SettleReport } from './types.js';

/**
 * Runs the pass and logs its outcome. A failure is logged, not thrown: grades are transactional from
 * now on whatever happened, and the pass runs again at the next start since it did not finish.
 */
export async function settleOldGradesLogged(deps: ScoringDeps): Promise<SettleReport> {
  const { logger } = deps.world;
  const pass = settleOldGrades(deps);
  deps.settling.pass = pass;
  try {
    const report = await pass;
    if (report.rows > 0) logger.warn({ ...report }, 'raised board rows that torn grades of an older version left short');
    else if (report.ran) logger.debug({ ...report }, 'checked every grade record against the boards: nothing to settle');
    return report;
  } catch (err) {
    logger.error({ err }, 'settling grades of an older version failed; it runs again at the next start');
    return { ran: false, records: 0, rows: 0, points: 0 };
  } finally {
    if (deps.settling.pass === pass) deps.settling.pass = undefined;
  }
}
