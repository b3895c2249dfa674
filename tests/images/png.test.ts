import zlib, { inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { PngWriter, tableCrc32 } from '../../src/images/png.js';
import { loadResvg, rasterize } from '../../src/images/resvg.js';
import { PNG_SIGNATURE, pngSize } from './helpers.js';

/** A card with rounded corners (transparent and half-covered pixels) over a bar, as a board has them. */
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="48">
  <rect width="120" height="48" rx="14" fill="#161b22"/><rect x="10" y="20" width="77.5" height="9" rx="4" fill="#4f8ff7"/>
  <rect x="90" y="8" width="20" height="20" fill="#f85149" fill-opacity="0.5"/></svg>`;

const draw = (svg: string) => rasterize(svg);

beforeAll(() => loadResvg(), 60_000);

/** The chunks of a PNG, by type, in order. */
function chunks(png: Buffer): { type: string; data: Buffer }[] {
  const out: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    out.push({ type: png.toString('latin1', at + 4, at + 8), data: png.subarray(at + 8, at + 8 + length) });
    at += length + 12;
  }
  return out;
}

/** The PNG's rows as written (filter byte, then RGBA), inflated. */
function idat(png: Buffer): Buffer {
  return inflateSync(
    Buffer.concat(
      chunks(png)
        .filter((c) => c.type === 'IDAT')
        .map((c) => c.data),
    ),
  );
}

describe('PngWriter: resvg pixels to a PNG', () => {
  it('writes a PNG that resvg reads back as the same picture', () => {
    const image = draw(SVG);
    const png = new PngWriter().encode(image.pixels, image.width, image.height);
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(pngSize(png)).toEqual({ width: 120, height: 48 });
    expect(chunks(png).map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    // A second decoder (resvg's, through an <image>) gets back the pixels drawn: corners and
    // half-transparent ones included (both sides premultiplied, so a rounding step apart at most).
    const back = draw(
      `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="48"><image width="120" height="48" href="data:image/png;base64,${png.toString('base64')}"/></svg>`,
    );
    const a = image.pixels;
    const b = back.pixels;
    let worst = 0;
    for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
    expect(worst).toBeLessThanOrEqual(2);
  });

  it('un-premultiplies the pixels that are not opaque, and leaves the rest as drawn', () => {
    const image = draw(SVG);
    const png = new PngWriter().encode(image.pixels, image.width, image.height);
    const rows = idat(png);
    const pixel = (x: number, y: number) => [...rows.subarray(y * (120 * 4 + 1) + 1 + x * 4, y * (120 * 4 + 1) + 1 + x * 4 + 4)];
    expect(pixel(0, 0)[3]).toBe(0);
    expect(pixel(60, 2)).toEqual([0x16, 0x1b, 0x22, 255]);
    // #f85149 at half opacity over the card: opaque, so kept as resvg blended it.
    expect(pixel(100, 18)[3]).toBe(255);
    // The corners' edge pixels, partly covered by the card alone: its colour at a lower alpha, not a darker one.
    const edges: number[][] = [];
    for (let y = 0; y < 48; y++) for (const x of [0, 1, 2, 3, 4, 5, 114, 115, 116, 117, 118, 119]) if ((pixel(x, y)[3] ?? 0) % 255 !== 0) edges.push(pixel(x, y));
    expect(edges.length).toBeGreaterThan(8);
    // Premultiplied at 8 bits, a faint pixel kept its colour only to within 255 / alpha.
    for (const [r = 0, g = 0, b = 0, alpha = 1] of edges) expect(Math.max(Math.abs(r - 0x16), Math.abs(g - 0x1b), Math.abs(b - 0x22))).toBeLessThanOrEqual(Math.ceil(255 / alpha));
  });

  it('reads pixels that do not start on a 4-byte boundary byte by byte, to the same PNG', () => {
    const image = draw(SVG);
    const shifted = new Uint8Array(image.pixels.length + 1).subarray(1);
    shifted.set(image.pixels);
    const writer = new PngWriter();
    expect(idat(writer.encode(shifted, image.width, image.height))).toEqual(idat(writer.encode(image.pixels, image.width, image.height)));
  });

  it('computes the CRC-32 without zlib the same as with it (the fallback for Node before 20.15)', () => {
    expect(tableCrc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    const bytes = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 131) & 255));
    const native = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
    if (native) expect(tableCrc32(bytes)).toBe(native(bytes) >>> 0);
  });

  it('reuses its buffer for pictures of any size, and refuses pixels that do not match the size', () => {
    const writer = new PngWriter();
    const big = draw(SVG.replace('width="120" height="48"', 'width="120" height="48" viewBox="0 0 120 48"'));
    const small = draw('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="4"><rect width="10" height="4" fill="#fff"/></svg>');
    expect(pngSize(writer.encode(big.pixels, big.width, big.height))).toEqual({ width: 120, height: 48 });
    expect(pngSize(writer.encode(small.pixels, small.width, small.height))).toEqual({ width: 10, height: 4 });
    expect(() => writer.encode(small.pixels, 11, 4)).toThrow(/10 × 4|11 × 4/);
  });
});
