import { type WorkspaceRef, workspaceKey } from '../refs.js';

/* Every suggestions key starts with `suggest:` and the workspace: two workspaces never share suggestions. */

/** The workspace's SuggestionBook (all its suggestions and contributor counts). */
export const suggestionBookKey = (ws: WorkspaceRef): string => `suggest:${workspaceKey(ws)}:book`;
export const suggestionSettingsKey = (ws: WorkspaceRef): string => `suggest:${workspaceKey(ws)}:settings`;
/** Every workspace that has suggestions, for the dashboard: `{ <ws>: WorkspaceRef }`. */
export const SUGGEST_WORKSPACES_KEY = 'suggest:workspaces';
