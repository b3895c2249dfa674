import type { BankLoadResult, Question } from '../../bank/types.js';
import type { Store } from '../../store/store.js';
import type { CoreLogger } from '../logger.js';
import { type IdDecision, keepIds, keepIdsInTurns } from './keep-ids.js';
import { KNOWN_QUESTIONS_KEY } from './keys.js';
import { legacyKnownQuestions } from './legacy.js';
import { type KnownBank, emptyKnownBank, knownBank, readKnownBank, sameKnownBank } from './record.js';

/** Enough lines to see what happened; a changed id scheme may carry every id of a big bank at once. */
const MAX_LOGGED = 200;
/** A scan page may come back empty while more follow (Redis SCAN); this many empty pages means none. */
const MAX_SCAN_PAGES = 100;

/** Settles the ids of each load against the last one, so edited questions keep theirs. */
export interface IdKeeper {
  settle(loaded: BankLoadResult): Promise<BankLoadResult>;
}

/**
 * Without a store, the last known bank lives in memory: ids survive reloads, not restarts. With one,
 * each load reads the last known bank from it and writes the new one back in one atomic update, so a
 * restart, or another process sharing the store, carries the same ids and logs a carry only once. Two
 * processes loading different banks at once each write a whole record; the last to commit wins.
 */
export function createIdKeeper(logger: CoreLogger, store?: Store, initial?: readonly Question[]): IdKeeper {
  let last: KnownBank = initial
    ? knownBank(
        initial.map((q) => ({ id: q.id, text: q.question })),
        new Map(),
      )
    : emptyKnownBank();
  return {
    async settle(loaded) {
      let decision: IdDecision | undefined;
      // The usual decision is made in turns (keepIdsInTurns); only a record that another process changed
      // between the read and the write is decided again in one piece, inside the store's atomic update.
      const decideAgain = (known: KnownBank): KnownBank => {
        decision = keepIds(loaded.questions, known);
        return decision.known;
      };
      if (store) {
        try {
          // Read first: a restart with nothing changed (the usual one) then writes nothing.
          const stored = await store.get<unknown>(KNOWN_QUESTIONS_KEY);
          const fallback = stored === undefined && last.ids.length === 0 && (await holdsHistory(store)) ? knownBank(legacyKnownQuestions(loaded.questions), new Map()) : last;
          const read = readStored(stored, fallback);
          const firstDecision = await keepIdsInTurns(loaded.questions, read);
          decision = firstDecision;
          const first = firstDecision.known;
          if (stored === undefined || !sameKnownBank(first, read)) {
            await store.update<unknown>(KNOWN_QUESTIONS_KEY, (current) => {
              const now = readStored(current, fallback);
              // Unchanged since it was read (the usual case, a first start included): the decision made then stands.
              if (sameKnownBank(now, read)) {
                decision = firstDecision;
                return first;
              }
              return decideAgain(now);
            });
          }
        } catch (err) {
          logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'could not read or write the known questions; ids are kept only while this process runs');
          decision = await keepIdsInTurns(loaded.questions, last);
        }
      } else decision = await keepIdsInTurns(loaded.questions, last);
      if (!decision) return loaded;
      last = decision.known;
      report(decision, logger);
      return { ...loaded, questions: decision.questions };
    },
  };
}

/** Whether the store holds anything but the record: a store with no record but history predates it. */
async function holdsHistory(store: Store): Promise<boolean> {
  let cursor: string | null = null;
  for (let page = 0; page < MAX_SCAN_PAGES; page++) {
    const found = await store.scanKeys('', cursor, 10);
    if (found.keys.some((k) => k !== KNOWN_QUESTIONS_KEY)) return true;
    cursor = found.cursor;
    if (cursor === null) return false;
  }
  return false;
}

/** A record this version cannot read is replaced: it costs only carries not yet made. */
function readStored(stored: unknown, fallback: KnownBank): KnownBank {
  return stored === undefined ? fallback : (readKnownBank(stored) ?? emptyKnownBank());
}

function report(decision: IdDecision, logger: CoreLogger): void {
  if (decision.skipped) logger.info(decision.skipped, 'too many questions changed at once to match edits; new questions get new ids');
  for (const c of decision.carried.slice(0, MAX_LOGGED)) {
    const source = c.now.sources[0];
    const msg = c.how === 'edit' ? 'an edited question keeps its id' : 'a question keeps its old id: its words are unchanged';
    logger.info({ id: c.id, was: c.was, now: c.now.question, file: source?.file, line: source?.line }, msg);
  }
  if (decision.carried.length > MAX_LOGGED) logger.info({ carried: decision.carried.length, logged: MAX_LOGGED }, 'more questions kept their ids than are logged one by one');
}
