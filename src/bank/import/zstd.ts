import { Decompress } from 'fzstd';
import { mb } from './kinds.js';

export class TooLargeError extends Error {}

/**
 * Zstandard → bytes with fzstd (pure JS, by fflate's author), bounded: every frame's window (which the
 * decoder allocates up front, up to 2 GB as the frame asks) must fit `limit`, and the output is counted
 * as it comes, since a frame may claim any size, or none. Throws TooLargeError past it; fzstd throws on
 * damaged data.
 */
export function unzstdBounded(data: Uint8Array, limit: number): Uint8Array {
  checkWindows(data, limit);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const stream = new Decompress((chunk) => {
    total += chunk.length;
    if (total > limit) throw new TooLargeError(`it holds more than ${mb(limit)} MB`);
    chunks.push(chunk);
  });
  stream.push(data, true);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const FRAME_MAGIC = 0xfd2fb528;

/** Walks the frames' headers and block headers only (RFC 8878 §3.1), so nothing is allocated for a frame that asks too much. */
function checkWindows(data: Uint8Array, limit: number): void {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let at = 0;
  while (at + 4 <= data.length) {
    const magic = view.getUint32(at, true);
    if ((magic & 0xfffffff0) === 0x184d2a50) {
      // A skippable frame: a length and bytes nobody reads.
      at += 8 + (at + 8 <= data.length ? view.getUint32(at + 4, true) : 0);
      continue;
    }
    if (magic !== FRAME_MAGIC) return; // not Zstandard at all: the decoder says so
    const flags = data[at + 4] ?? 0;
    const single = (flags >> 5) & 1;
    const dictBytes = [0, 1, 2, 4][flags & 3] ?? 0;
    const sizeField = flags >> 6 === 0 ? single : 1 << (flags >> 6);
    let pos = at + 5;
    let window = 0;
    if (!single) {
      const desc = data[pos] ?? 0;
      const base = 2 ** (10 + (desc >> 3));
      window = base + (base / 8) * (desc & 7);
      pos += 1;
    }
    pos += dictBytes;
    let size = 0;
    for (let i = sizeField - 1; i >= 0; i--) size = size * 256 + (data[pos + i] ?? 0);
    if (sizeField === 2) size += 256;
    pos += sizeField;
    if (Math.max(window, single ? size : 0) > limit || size > limit) throw new TooLargeError(`it asks for more than ${mb(limit)} MB`);
    for (;;) {
      if (pos + 3 > data.length) return;
      const header = (data[pos] ?? 0) | ((data[pos + 1] ?? 0) << 8) | ((data[pos + 2] ?? 0) << 16);
      const type = (header >> 1) & 3;
      pos += 3 + (type === 1 ? 1 : header >>> 3);
      if (header & 1) break;
    }
    at = pos + ((flags >> 2) & 1 ? 4 : 0);
  }
}
