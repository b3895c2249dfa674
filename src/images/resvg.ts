import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Resvg, type ResvgRenderOptions, initWasm } from '@resvg/resvg-wasm';

/**
 * resvg as WebAssembly, each object freed as soon as its pixels are out. The native binding
 * (@resvg/resvg-js) leaves every canvas to V8's garbage collector, which does not see that memory: 200
 * boards took the process 1.2 GB more RSS (still 1 GB after a full GC), enough to kill a small container
 * during a digest fan-out. The WebAssembly build's memory is reused from one picture to the next (no
 * fresh pages to fault in, which on a small VM cost more than the drawing), and `free()` is explicit.
 */

let ready: Promise<void> | undefined;

/** Compiles the module, once per process (about 2.5 MB); every other function here needs it done. */
export function loadResvg(): Promise<void> {
  // A failed start (the file unreadable) is not kept: the next picture tries again.
  ready ??= readFile(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm'))
    .then((wasm) => initWasm(wasm))
    .catch((err: unknown) => {
      ready = undefined;
      throw err;
    });
  return ready;
}

/** No system fonts: every word reaches resvg as outlines, so a picture looks the same on every machine. */
const BASE: ResvgRenderOptions = { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } };

export interface Pixels {
  /** Premultiplied RGBA, `width × height × 4` bytes. */
  pixels: Uint8Array;
  width: number;
  height: number;
}

/** Draws an SVG into pixels (after `loadResvg`). */
export function rasterize(svg: string, options: ResvgRenderOptions = {}): Pixels {
  return drawn(svg, options, (image) => ({ pixels: image.pixels, width: image.width, height: image.height }));
}

/** Draws an SVG straight to a PNG with resvg's own encoder: for small pictures (emoji) and tests. */
export function svgToPng(svg: string | Uint8Array, options: ResvgRenderOptions = {}): Uint8Array {
  return drawn(svg, options, (image) => image.asPng());
}

type Rendered = ReturnType<InstanceType<typeof Resvg>['render']>;

function drawn<T>(svg: string | Uint8Array, options: ResvgRenderOptions, take: (image: Rendered) => T): T {
  const resvg = new Resvg(svg, { ...BASE, ...options });
  try {
    const image = resvg.render();
    try {
      return take(image);
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}
