import type { ChannelRef, UserRef, WorkspaceRef } from '../../core/refs.js';

/** The playground is one local workspace with one channel; people are the names typed in the page. */
export const WEB_WORKSPACE: WorkspaceRef = { platform: 'web', workspaceId: 'local' };
export const PLAYGROUND: ChannelRef = { ...WEB_WORKSPACE, channelId: 'playground' };

/** Who set up the playground's schedule on first start. */
export const PLAYGROUND_HOST: UserRef = { ...WEB_WORKSPACE, userId: 'recall-playground', name: 'Recall playground' };

export const MAX_NAME_LENGTH = 40;

/** `Ada Lovelace` → `ada-lovelace`; empty when the name has no letters or digits. */
export function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_NAME_LENGTH);
}

/** A typed name as a person of the playground, or null when it cannot be one. */
export function userFromName(raw: string): UserRef | null {
  const name = raw.replace(/\p{Cc}/gu, '').trim();
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) return null;
  const userId = slugOf(name);
  return userId ? { ...WEB_WORKSPACE, userId, name } : null;
}
