import type { AnsweredQuestion } from './build.js';
import { gistOf } from './gist.js';
import { handleQuizAction } from './handle-action.js';
import type { QuizDeps, QuizService } from './service.js';
import { startRound } from './start.js';

export function createQuizService(deps: QuizDeps): QuizService {
  const gist = gistCache(deps);
  return {
    start: (input) => startRound(deps, input, gist),
    handleAction: (inv) => handleQuizAction(deps, inv),
  };
}

/** Gists need a Markdown parse each; keep them until the bank reloads (its version moves on). */
function gistCache(deps: QuizDeps): (q: AnsweredQuestion) => string | null {
  let version = -1;
  let cache = new Map<string, string | null>();
  return (q) => {
    if (deps.bank.version() !== version) {
      version = deps.bank.version();
      cache = new Map();
    }
    const hit = cache.get(q.id);
    if (hit !== undefined) return hit;
    const gist = gistOf(q.answer);
    cache.set(q.id, gist);
    return gist;
  };
}
