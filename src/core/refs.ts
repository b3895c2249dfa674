/**
 * Opaque references the adapters make (a Discord guild and channel, a Slack team and channel, the
 * playground's local workspace). The core only compares and namespaces them; it never parses ids.
 */
/** Every platform an adapter exists for (src/adapters/list.ts); a new one is added here and nowhere else in the core. */
export const PLATFORMS = ['discord', 'slack', 'web'] as const;
export type Platform = (typeof PLATFORMS)[number];

export interface WorkspaceRef {
  platform: Platform;
  workspaceId: string;
}

export interface ChannelRef extends WorkspaceRef {
  channelId: string;
}

export interface UserRef extends WorkspaceRef {
  userId: string;
  /** How to show the person; adapters fill it when they know it. */
  name?: string;
}

/** `discord:<guild>` — the prefix of every key a workspace owns, so two workspaces never meet. */
export function workspaceKey(w: WorkspaceRef): string {
  return `${w.platform}:${w.workspaceId}`;
}

export function channelKey(c: ChannelRef): string {
  return `${workspaceKey(c)}:${c.channelId}`;
}

export function workspaceOf(ref: WorkspaceRef): WorkspaceRef {
  return { platform: ref.platform, workspaceId: ref.workspaceId };
}

export function channelOf(ref: ChannelRef): ChannelRef {
  return { platform: ref.platform, workspaceId: ref.workspaceId, channelId: ref.channelId };
}
