import { type WorkspaceRef, workspaceKey } from '../refs.js';

/**
 * Every key practice writes. All start with the workspace key; ids from outside (user ids, question
 * ids) are URI-encoded so a `:` inside one cannot make two keys meet.
 */
const part = (id: string): string => encodeURIComponent(id);
const base = (ws: WorkspaceRef, userId: string): string => `${workspaceKey(ws)}:practice:${part(userId)}`;

export const practiceKeys = {
  /** One FSRS card: a person's memory of one question id. */
  card: (ws: WorkspaceRef, userId: string, questionId: string) => `${base(ws, userId)}:card:${part(questionId)}`,
  /** A board, the person's due index: member = question id, score = -(due in seconds), so boardTop is earliest due first. */
  due: (ws: WorkspaceRef, userId: string) => `${base(ws, userId)}:due`,
  /** A board: member = question id, score = times missed (Again), so boardTop is most-missed first. */
  misses: (ws: WorkspaceRef, userId: string) => `${base(ws, userId)}:misses`,
  /** Counters kept with every review: cards per category, retention days, today's new cards, streak. */
  summary: (ws: WorkspaceRef, userId: string) => `${base(ws, userId)}:summary`,
  settings: (ws: WorkspaceRef, userId: string) => `${base(ws, userId)}:settings`,
  /** The person's one open session; a new `practice` replaces it, so old buttons go stale. */
  session: (ws: WorkspaceRef, userId: string) => `${base(ws, userId)}:session`,
  /** A board of the workspace's practising people (member = user id, score 0), for reminders. */
  people: (ws: WorkspaceRef) => `${workspaceKey(ws)}:practice-people`,
};
