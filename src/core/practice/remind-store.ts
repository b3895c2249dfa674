import type { TimeOfDaySchedule } from '../../scheduler/index.js';
import type { Store } from '../../store/store.js';
import { type ChannelRef, type UserRef, workspaceKey } from '../refs.js';
import { advanceSlotMark } from '../slots/marks.js';

/** One person's practice reminder: when, in which zone, and where their private nudge goes. */
export interface ReminderSettings {
  user: UserRef;
  /** Where the reminder was set: the nudge goes there privately (Slack ephemeral, Discord DM, playground "only you"). */
  channel: ChannelRef;
  schedule: TimeOfDaySchedule;
  /** The zone as the person typed it (`Asia/Kolkata`, not the runtime's `Asia/Calcutta`); null when it came from their practice zone. */
  zoneAsTyped: string | null;
  setAt: string;
}

/*
 * Every reminder key starts with `practice-remind:` and then the person (workspace and user id,
 * URI-encoded so a `:` in an id cannot make two people's keys meet).
 */
/**
 * A board of everyone who ever set a reminder: member = person, score = how many times their reminder
 * changed. The sync re-reads only the people whose count moved; the version, a key of its own, tells it
 * whether anything moved at all, so an unchanged wake reads one number.
 */
const CHANGES_BOARD = 'practice-remind:changes';
const VERSION_KEY = 'practice-remind:version';

export function personKey(user: UserRef): string {
  return `${workspaceKey(user)}:${encodeURIComponent(user.userId)}`;
}

const ofPerson = (person: string): string => `practice-remind:${person}`;

export const reminderKeys = {
  settings: (person: string) => `${ofPerson(person)}:settings`,
  /** The latest slot done for the person: the runner resumes after it. */
  mark: (person: string) => `${ofPerson(person)}:last-slot`,
  /** Written once a slot is done (sent, nothing due, missed or failed): every process leaves it alone. */
  done: (person: string, slotKey: string) => `${ofPerson(person)}:done:${slotKey}`,
  /** Set-if-absent with expiry: the one process sending this slot now. */
  lease: (person: string, slotKey: string) => `${ofPerson(person)}:lease:${slotKey}`,
  attempt: (person: string, slotKey: string) => `${ofPerson(person)}:attempt:${slotKey}`,
};

export function loadReminder(store: Store, person: string): Promise<ReminderSettings | undefined> {
  return store.get<ReminderSettings>(reminderKeys.settings(person));
}

/** Sets (or, with null, removes) a person's reminder: their own key, then their change count, then the version others watch. */
export async function saveReminder(store: Store, person: string, settings: ReminderSettings | null): Promise<void> {
  if (settings) await store.set(reminderKeys.settings(person), settings);
  else await store.delete(reminderKeys.settings(person));
  await store.boardAdd(CHANGES_BOARD, person, 1);
  await store.update<number>(VERSION_KEY, (v) => (v ?? 0) + 1);
}

export async function readVersion(store: Store): Promise<number> {
  return (await store.get<number>(VERSION_KEY)) ?? 0;
}

/** Person → how many times their reminder changed. */
export async function readChanges(store: Store): Promise<Map<string, number>> {
  const size = await store.boardSize(CHANGES_BOARD);
  return new Map((await store.boardTop(CHANGES_BOARD, size)).map((e) => [e.member, e.score]));
}

export function readMark(store: Store, person: string): Promise<string | undefined> {
  return store.get<string>(reminderKeys.mark(person));
}

/** Forward only (slots/marks.ts). */
export function advanceMark(store: Store, person: string, slotKey: string): Promise<void> {
  return advanceSlotMark(store, reminderKeys.mark(person), slotKey);
}

/** A new reminder time starts from now: nothing before it is owed. */
export async function resetMark(store: Store, person: string, slotKey: string): Promise<void> {
  await store.set(reminderKeys.mark(person), slotKey);
}
