import { randomUUID } from 'node:crypto';
import type { BankLoadResult, Question } from '../../bank/types.js';
import type { Store } from '../../store/store.js';
import type { CoreLogger } from '../logger.js';
import { type IdDecision, keepIdsInTurns } from './keep-ids.js';
import { isKnownRecordKey } from './keys.js';
import { legacyKnownQuestions } from './legacy.js';
import { type KnownBank, emptyKnownBank, knownBank } from './record.js';
import { MAX_WRITE_ATTEMPTS, type WriteOutcome, knownRecordStore } from './stored.js';

/** Enough lines to see what happened; a changed id scheme may carry every id of a big bank at once. */
const MAX_LOGGED = 200;
/** A scan page may come back empty while more follow (Redis SCAN); this many empty pages means none. */
const MAX_SCAN_PAGES = 100;

/** Settles the ids of each load against the last one, so edited questions keep theirs. */
export interface IdKeeper {
  settle(loaded: BankLoadResult): Promise<BankLoadResult>;
}

export interface IdKeeperOptions {
  /** A name no other write of the record, in any process, has used (the default is a random UUID). */
  newGeneration?: () => string;
  /** Lets the event loop run between slices of work (the default waits for the next turn). */
  pause?: () => Promise<void>;
}

/**
 * Without a store, the last known bank lives in memory: ids survive reloads, not restarts. With one,
 * each load reads the last known bank from it (see stored.ts) and writes the new one back, swapping it
 * in atomically, so a restart, or another process sharing the store, carries the same ids and logs a
 * carry only once. When another process swapped in its record between the read and the swap, the load
 * is decided again against that record.
 */
export function createIdKeeper(logger: CoreLogger, store?: Store, initial?: readonly Question[], options: IdKeeperOptions = {}): IdKeeper {
  let last: KnownBank = initial
    ? knownBank(
        initial.map((q) => ({ id: q.id, text: q.question })),
        new Map(),
      )
    : emptyKnownBank();
  const pause = options.pause ?? nextTurn;
  const record = store ? knownRecordStore(store, options.newGeneration ?? randomUUID, pause) : undefined;
  let tidied = false;
  return {
    async settle(loaded) {
      let decision: IdDecision | undefined;
      if (store && record) {
        try {
          let outcome: WriteOutcome = 'conflict';
          for (let attempt = 1; attempt <= MAX_WRITE_ATTEMPTS && outcome === 'conflict'; attempt++) {
            const read = await record.read();
            const known = read.bank ?? (read.damaged ? emptyKnownBank() : await fallback(store, loaded, last));
            decision = await keepIdsInTurns(loaded.questions, known, pause);
            // Nothing changed (the usual restart or reload) writes nothing.
            outcome = await record.write(read, decision.known, decision.questions);
          }
          if (outcome === 'conflict')
            logger.warn({ attempts: MAX_WRITE_ATTEMPTS }, "other processes kept changing the known questions; this load's ids are kept only while this process runs");
          // What a process that died mid-write left behind goes once the head is past it: checked at a
          // process's first load and after every write that swapped the head.
          if (!tidied || outcome === 'written') {
            tidied = true;
            await record.tidy().then(
              (removed) => removed > 0 && logger.info({ removed }, 'removed chunks of the known questions that an interrupted write left behind'),
              (err: unknown) => logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'could not tidy the known questions; tried again at the next start'),
            );
          }
        } catch (err) {
          logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'could not read or write the known questions; ids are kept only while this process runs');
          decision = await keepIdsInTurns(loaded.questions, last, pause);
        }
      } else decision = await keepIdsInTurns(loaded.questions, last, pause);
      if (!decision) return loaded;
      last = decision.known;
      report(decision, logger);
      return { ...loaded, questions: decision.questions };
    },
  };
}

/** With no record stored: a store that holds history written before ids were kept knows them by the old scheme. */
async function fallback(store: Store, loaded: BankLoadResult, last: KnownBank): Promise<KnownBank> {
  return last.ids.length === 0 && (await holdsHistory(store)) ? knownBank(legacyKnownQuestions(loaded.questions), new Map()) : last;
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Whether the store holds anything but the record: a store with no record but history predates it. */
async function holdsHistory(store: Store): Promise<boolean> {
  let cursor: string | null = null;
  for (let page = 0; page < MAX_SCAN_PAGES; page++) {
    const found = await store.scanKeys('', cursor, 10);
    if (found.keys.some((k) => !isKnownRecordKey(k))) return true;
    cursor = found.cursor;
    if (cursor === null) return false;
  }
  return false;
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
