import type { ScoringService } from '../scoring/service.js';
import type { DigestService } from './service.js';

/**
 * Scoring whose `endSeason` also posts the final standings in the workspace's digest channels. Only the
 * caller whose end archived the season gets here (scoring deletes the running season first), and the
 * digest marks each channel before posting, so no channel gets them twice.
 */
export function seasonEndsPosted(scoring: ScoringService, digest: Pick<DigestService, 'seasonEnded'>): ScoringService {
  return {
    ...scoring,
    async endSeason(ws, at) {
      const archived = await scoring.endSeason(ws, at);
      await digest.seasonEnded(ws, archived);
      return archived;
    },
  };
}
