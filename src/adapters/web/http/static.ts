import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

export interface Asset {
  body: Buffer;
  type: string;
}

/**
 * The page's files, read once at start from `public/` next to this module (under tsx, the source
 * tree). Only names in that folder can be served, so no request path ever reaches the disk.
 */
export async function loadAssets(dir = publicDir()): Promise<Map<string, Asset>> {
  const assets = new Map<string, Asset>();
  for (const name of await readdir(dir)) {
    const type = TYPES[path.extname(name)];
    if (!type || !/^[\w.-]+$/.test(name)) continue;
    assets.set(name, { body: await readFile(path.join(dir, name)), type });
  }
  if (!assets.has('index.html')) throw new Error(`the playground page is missing: no index.html in ${dir}`);
  return assets;
}

/** Next to this module; a build without the folder falls back to the source tree it came from. */
function publicDir(): string {
  const here = fileURLToPath(new URL('../public/', import.meta.url));
  if (existsSync(here)) return here;
  return path.resolve(process.cwd(), 'src/adapters/web/public');
}
