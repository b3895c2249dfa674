import { type ChannelRef, channelKey } from '../refs.js';

/** Every quiz key sits under its channel, so two channels or workspaces never share a round. */
function base(channel: ChannelRef): string {
  return `quiz:${channelKey(channel)}`;
}

/** The one round a channel may run at a time (set-if-absent with a ttl). */
export function activeKey(channel: ChannelRef): string {
  return `${base(channel)}:active`;
}

export function roundKey(channel: ChannelRef, roundId: string): string {
  return `${base(channel)}:round:${roundId}`;
}

/** Marker: this person has answered this question (first delivery wins). */
export function answerKey(channel: ChannelRef, roundId: string, index: number, userId: string): string {
  return `${base(channel)}:answer:${roundId}:${index}:${userId}`;
}

/** Marker: this person has typed an answer to this question (one try; the self-grade after a miss is the answer). */
export function typedKey(channel: ChannelRef, roundId: string, index: number, userId: string): string {
  return `${base(channel)}:typed:${roundId}:${index}:${userId}`;
}

/** Marker: this question has been closed (only one timer or process moves the round on). */
export function closeKey(channel: ChannelRef, roundId: string, index: number): string {
  return `${base(channel)}:close:${roundId}:${index}`;
}
