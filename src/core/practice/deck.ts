import type { Question } from '../../bank/types.js';
import { UserError } from '../errors.js';
import type { PracticeDeps, PracticeDeck } from './service.js';

/** A deck as a test on questions; only questions with an answer can be practised. */
export interface ResolvedDeck {
  deck: PracticeDeck;
  accepts(q: Question): boolean;
}

/** Throws UserError when a category matches nothing, so the person learns the name was wrong. */
export function resolveDeck(deps: PracticeDeps, deck: PracticeDeck): ResolvedDeck {
  switch (deck.kind) {
    case 'all':
    case 'weak':
      return { deck, accepts: (q) => q.answer !== null };
    case 'category': {
      const names = new Set(deps.bank.resolveCategories(deck.category));
      if (names.size === 0) throw new UserError('not-found', `No category matches \`${deck.category}\`.`);
      return { deck, accepts: (q) => q.answer !== null && q.category !== null && names.has(q.category) };
    }
    case 'difficulty':
      return { deck, accepts: (q) => q.answer !== null && q.difficulty === deck.difficulty };
  }
}

/** For a deck stored in a session: a category that stopped matching (bank reload) gives an empty deck, not an error. */
export function resolveStoredDeck(deps: PracticeDeps, deck: PracticeDeck): ResolvedDeck {
  try {
    return resolveDeck(deps, deck);
  } catch {
    return { deck, accepts: () => false };
  }
}
