import type { Reply } from '../../core/reply.js';

/** How a picture's bytes sit in the store, whose values are JSON: `{ base64 }` instead of a Uint8Array. */
interface StoredPng {
  base64: string;
}

/** A message's reply as JSON can keep it: pictures as base64 (a Uint8Array would become `{"0":137,…}`). */
export function storableReply(reply: Reply): Reply {
  if (!reply.blocks.some((b) => b.type === 'image')) return reply;
  return { ...reply, blocks: reply.blocks.map((b) => (b.type === 'image' ? { ...b, png: { base64: Buffer.from(b.png).toString('base64') } as unknown as Uint8Array } : b)) };
}

/** The reverse, for a reply read back from the store; anything else in a picture's place becomes empty bytes. */
export function restoredReply(reply: Reply): Reply {
  if (!Array.isArray(reply?.blocks) || !reply.blocks.some((b) => b?.type === 'image')) return reply;
  return {
    ...reply,
    blocks: reply.blocks.map((b) => {
      if (b?.type !== 'image') return b;
      const stored = b.png as unknown as Partial<StoredPng> | undefined;
      return { ...b, png: typeof stored?.base64 === 'string' ? new Uint8Array(Buffer.from(stored.base64, 'base64')) : new Uint8Array() };
    }),
  };
}
