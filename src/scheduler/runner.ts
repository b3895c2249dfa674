import { slotForKey, slotKey, slotsBetween } from './next-run.js';
import type { Clock, Logger, TimerHandle, WakeTimer } from './ports.js';
import type { Schedule } from './types.js';

/**
 * `'retry'` means the slot is not done yet (another process holds it, or the post failed in a way worth
 * trying again): the runner offers it again on later wakes, backing off, until it is done or older than
 * the grace, when it goes to onMissed.
 */
export type SlotOutcome = void | 'done' | 'retry';
export type SlotHandler = (id: string, slotKey: string, slot: Date) => SlotOutcome | Promise<SlotOutcome>;

export interface ScheduleRunnerOptions {
  /** The caller's clock (the core passes its world's): the runner never reads real time itself. */
  clock: Clock;
  timer: WakeTimer;
  /** How late a slot may be noticed and still be posted; anything later goes to onMissed. */
  graceMs: number;
  onSlot: SlotHandler;
  onMissed: SlotHandler;
  logger?: Logger;
  /** How often to re-check the clock. Slots are whole minutes, so a minute is the natural beat. */
  wakeEveryMs?: number;
  /**
   * How many schedules may be in their handlers at once. Thousands of channels share a slot; starting
   * them all together front-loads every store read before the first message leaves, while a bounded
   * number keeps the platform client's queue fed from the first moment (see bench/README.md, fanout).
   */
  maxConcurrent?: number;
}

export interface ScheduleRunner {
  /**
   * Starts (or replaces) watching a schedule. `lastSeenSlot` is the slotKey the caller last
   * recorded as handled for it (e.g. from its store): only slots after it are considered,
   * which is what stops a restart from posting the same slot twice.
   */
  add(id: string, schedule: Schedule, lastSeenSlot?: string): void;
  remove(id: string): void;
  /** Resolves once the catch-up pass at start has been handled. */
  start(): Promise<void>;
  /** Stops waking; resolves when handlers already running have finished. */
  stop(): Promise<void>;
  /** One pass over every schedule, as the timer triggers it. Never rejects. */
  wake(): Promise<void>;
}

interface Entry {
  readonly id: string;
  readonly schedule: Schedule;
  readonly lastSeen: Date | undefined;
  /** When the runner began being responsible for this schedule (add or start, whichever is later). */
  knownSince: Date | undefined;
  /** The last slot handled; everything up to and including it is done. */
  cursor: Date | undefined;
  /** Slots handed out but not done yet, by slot time: retried on later wakes. */
  readonly retries: Map<number, Retry>;
  /** A replaced entry for the same id still finishing its handler; we wait for it to keep per-id order. */
  predecessor: Promise<void> | undefined;
  busy: Promise<void> | undefined;
  wokenWhileBusy: boolean;
}

interface Retry {
  readonly slot: Date;
  attempts: number;
  /** Not offered again before this instant. */
  notBefore: number;
}

/** Retries wait 1, 2, 4 … wakes, at most this many, so a slot held by a live process costs little. */
const MAX_RETRY_WAKES = 8;

/** Bounds one pass; a larger backlog just continues in the next loop round. */
const MAX_SLOTS_PER_PASS = 1000;

const consoleLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: (context, message) => console.warn(message, context),
  error: (context, message) => console.error(message, context),
};

/**
 * Delivers each schedule's slots once per runner: on every wake it asks the clock what
 * time it is and hands over every slot since the last one it handled. Slots at most
 * `graceMs` old go to onSlot, older ones to onMissed, in order, one at a time per
 * schedule; schedules do not wait for each other. A handler that answers 'retry' gets
 * the slot again on later wakes (1, 2, 4 … 8 wakes apart) while it is within the grace;
 * a throwing handler is logged and the slot counts as handled, since only the caller
 * knows whether a post that threw went out.
 */
export function createScheduleRunner(options: ScheduleRunnerOptions): ScheduleRunner {
  const { clock, timer, graceMs, onSlot, onMissed } = options;
  const wakeEveryMs = options.wakeEveryMs ?? 60_000;
  const gate = createGate(options.maxConcurrent ?? 64);
  const logger = options.logger ?? consoleLogger;
  const entries = new Map<string, Entry>();
  // Survives remove/add so editing a channel's schedule cannot re-deliver a slot this runner already handled.
  const handledUpTo = new Map<string, Date>();
  let handle: TimerHandle | undefined;
  let running = false;

  const isCurrent = (entry: Entry): boolean => running && entries.get(entry.id) === entry;

  function add(id: string, schedule: Schedule, lastSeenSlot?: string): void {
    let lastSeen: Date | undefined;
    if (lastSeenSlot !== undefined) {
      lastSeen = slotForKey(schedule, lastSeenSlot);
      if (!lastSeen) logger.warn({ scheduleId: id, lastSeenSlot }, 'ignoring unreadable lastSeenSlot');
    }
    const previous = entries.get(id);
    entries.set(id, {
      id,
      schedule,
      lastSeen,
      knownSince: running ? clock.now() : undefined,
      cursor: undefined,
      retries: new Map(),
      predecessor: previous?.busy,
      busy: undefined,
      wokenWhileBusy: false,
    });
  }

  function remove(id: string): void {
    entries.delete(id);
  }

  function start(): Promise<void> {
    if (running) return wake();
    running = true;
    const now = clock.now();
    for (const entry of entries.values()) entry.knownSince ??= now;
    handle = timer.every(wakeEveryMs, wake);
    return wake();
  }

  async function stop(): Promise<void> {
    running = false;
    handle?.cancel();
    handle = undefined;
    await Promise.all([...entries.values()].map((entry) => entry.busy));
  }

  async function wake(): Promise<void> {
    if (!running) return;
    await Promise.all([...entries.values()].map(poke));
  }

  /** Runs a catch-up for one schedule, or, if one is already running, asks it to go round once more. */
  function poke(entry: Entry): Promise<void> {
    if (entry.busy) {
      entry.wokenWhileBusy = true;
      return entry.busy;
    }
    const run = async (): Promise<void> => {
      try {
        await entry.predecessor;
        entry.predecessor = undefined;
        do {
          entry.wokenWhileBusy = false;
          await gate.run(() => catchUp(entry));
        } while (entry.wokenWhileBusy && isCurrent(entry));
      } catch (error) {
        // catchUp already guards the handlers; this is the backstop that keeps wake() from ever rejecting.
        logger.error({ err: error, scheduleId: entry.id }, 'schedule catch-up failed');
      }
    };
    entry.busy = run().finally(() => {
      entry.busy = undefined;
    });
    return entry.busy;
  }

  async function catchUp(entry: Entry): Promise<void> {
    const { id, schedule } = entry;
    await retryPending(entry);
    let due: Date[];
    try {
      entry.cursor ??= firstCursor(entry);
      due = slotsBetween(schedule, entry.cursor, clock.now(), MAX_SLOTS_PER_PASS);
    } catch (error) {
      logger.error({ err: error, scheduleId: id }, 'could not compute due slots');
      return;
    }
    if (due.length === MAX_SLOTS_PER_PASS) entry.wokenWhileBusy = true;

    for (const slot of due) {
      if (!isCurrent(entry)) return;
      // Marked before the handler runs: a slot is never handed out twice at once, even if the handler hangs.
      entry.cursor = slot;
      handledUpTo.set(id, slot);
      await offer(entry, slot, undefined);
    }
  }

  /** Offers the slots that asked to be retried and whose back-off has passed, oldest first. */
  async function retryPending(entry: Entry): Promise<void> {
    const now = clock.now().getTime();
    const ready = [...entry.retries.values()].filter((r) => r.notBefore <= now).sort((a, b) => a.slot.getTime() - b.slot.getTime());
    for (const retry of ready) {
      if (!isCurrent(entry)) return;
      await offer(entry, retry.slot, retry);
    }
  }

  async function offer(entry: Entry, slot: Date, retry: Retry | undefined): Promise<void> {
    const { id, schedule } = entry;
    const key = slotKey(schedule, slot);
    const onTime = clock.now().getTime() - slot.getTime() <= graceMs;
    let outcome: SlotOutcome;
    try {
      outcome = await (onTime ? onSlot : onMissed)(id, key, new Date(slot));
    } catch (error) {
      logger.error({ err: error, scheduleId: id, slotKey: key, slot: slot.toISOString() }, onTime ? 'onSlot failed; the slot counts as handled' : 'onMissed failed');
      outcome = 'done';
    }
    if (outcome !== 'retry' || !onTime) {
      entry.retries.delete(slot.getTime());
      return;
    }
    const attempts = (retry?.attempts ?? 0) + 1;
    const waitWakes = Math.min(2 ** (attempts - 1), MAX_RETRY_WAKES);
    // Just under whole wakes, so the wake that lands on the boundary already counts.
    const notBefore = clock.now().getTime() + waitWakes * wakeEveryMs - wakeEveryMs / 2;
    entry.retries.set(slot.getTime(), { slot, attempts, notBefore });
  }

  function firstCursor(entry: Entry): Date {
    const base = entry.lastSeen ?? new Date((entry.knownSince ?? clock.now()).getTime() - graceMs);
    const handled = handledUpTo.get(entry.id);
    return handled && handled > base ? handled : base;
  }

  return { add, remove, start, stop, wake };
}

/** At most `limit` tasks at once; the rest wait their turn in arrival order. */
function createGate(limit: number): { run<T>(task: () => Promise<T>): Promise<T> } {
  let active = 0;
  const waiting: (() => void)[] = [];
  return {
    async run(task) {
      // A finishing task hands its place straight to the next waiter, so the count never overshoots.
      if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
      else active++;
      try {
        return await task();
      } finally {
        const next = waiting.shift();
        if (next) next();
        else active--;
      }
    },
  };
}
