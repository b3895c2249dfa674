import os from 'node:os';
import zlib, { deflateSync } from 'node:zlib';

const LITTLE_ENDIAN = os.endianness() === 'LE';
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** zlib level: 3 packs a board within a few % of level 6 at under half its time (flat fills, few colours). */
const LEVEL = 3;

/**
 * A PNG writer for resvg's pixels. resvg's own `asPng()` copies the whole picture to un-premultiply it,
 * then filters every row and deflates at the default level: for a board, as long as drawing it. Here
 * rows go unfiltered into one reused buffer (fresh memory is what costs most on a small VM: every page
 * is faulted in), only the pixels not fully opaque (the card's rounded corners) are un-premultiplied,
 * and zlib packs at level 3. `encode` is synchronous, so one writer serves every render of a thread.
 */
export class PngWriter {
  private rows = Buffer.alloc(0);

  /** `pixels`: premultiplied RGBA, `width × height × 4` bytes, as `RenderedImage.pixels` hands them. */
  encode(pixels: Uint8Array, width: number, height: number): Buffer {
    const stride = width * 4;
    if (pixels.length !== stride * height) throw new Error(`PngWriter: ${pixels.length} bytes for ${width} × ${height} pixels`);
    const size = (stride + 1) * height;
    if (this.rows.length < size) this.rows = Buffer.alloc(size);
    const rows = this.rows;
    for (let y = 0; y < height; y++) {
      // Filter type 0 (none): the picture is flat fills, which deflate packs well as they are.
      rows[y * (stride + 1)] = 0;
      rows.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
    }
    // Only pixels neither opaque nor clear are un-premultiplied; read four bytes at a time to find them.
    const words = LITTLE_ENDIAN && pixels.byteOffset % 4 === 0 ? new Uint32Array(pixels.buffer, pixels.byteOffset, pixels.length / 4) : null;
    for (let p = 0; p < width * height; p++) {
      const alpha = words ? (words[p] ?? 0) >>> 24 : (pixels[p * 4 + 3] ?? 0);
      if (alpha === 255 || alpha === 0) continue;
      const at = Math.floor(p / width) * (stride + 1) + 1 + (p % width) * 4;
      rows[at] = unpremultiply(rows[at] ?? 0, alpha);
      rows[at + 1] = unpremultiply(rows[at + 1] ?? 0, alpha);
      rows[at + 2] = unpremultiply(rows[at + 2] ?? 0, alpha);
    }
    const header = Buffer.alloc(13);
    header.writeUInt32BE(width, 0);
    header.writeUInt32BE(height, 4);
    header[8] = 8; // bits per channel
    header[9] = 6; // RGBA
    return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(rows.subarray(0, size), { level: LEVEL })), chunk('IEND', Buffer.alloc(0))]);
  }
}

function unpremultiply(channel: number, alpha: number): number {
  return Math.min(255, Math.round((channel * 255) / alpha));
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(data.length + 12);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, data.length + 8)), data.length + 8);
  return out;
}

const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

/**
 * PNG's CRC-32: zlib's where Node has it (20.15 and up; native, some 40x quicker: 1 ms less a board),
 * else a table loop (this project runs on 20.12 and up).
 */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

function crc32(bytes: Uint8Array): number {
  if (nativeCrc32) return nativeCrc32(bytes) >>> 0;
  return tableCrc32(bytes);
}

export function tableCrc32(bytes: Uint8Array): number {
  let c = -1;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
