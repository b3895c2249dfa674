import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Worker threads from modules beside this one (the parse pool's, the search index's). Built, a worker is
 * plain JS. From source (tsx, vitest) it is TypeScript, and a worker does not inherit the TypeScript
 * loader. The worker is then bundled once per process into one plain JS file (esbuild, which tsx brings),
 * so it runs without a TypeScript loader of its own: that loader is a thread and a V8 heap more, ~20 MB
 * of RSS. Should bundling fail, a small bootstrap registers tsx in the worker instead, resolved from
 * here, not the cwd.
 */
export interface WorkerModule {
  /** The worker's module, `.ts` from source or `.js` built. */
  url: URL;
  /** Start of its bundle's file name in the temp folder, e.g. `recall-parse-worker-`. */
  bundlePrefix: string;
}

/** A module's worker, from `moduleUrl` (its importer's import.meta.url) and the worker's name without extension. */
export function workerModule(moduleUrl: string, name: string, bundlePrefix: string): WorkerModule {
  return { url: new URL(`./${name}${moduleUrl.endsWith('.ts') ? '.ts' : '.js'}`, moduleUrl), bundlePrefix };
}

/** The bundled worker's file, once made; null when bundling failed or is not needed. */
const bundled = new Map<string, string | null>();
const bundling = new Map<string, Promise<void>>();

/** Makes the bundle a worker from TypeScript starts from (once per process and module); call before startWorker. */
export function prepareWorker(worker: WorkerModule): Promise<void> {
  let done = bundling.get(worker.url.href);
  if (!done) {
    done = bundleWorker(worker);
    bundling.set(worker.url.href, done);
  }
  return done;
}

export function startWorker(worker: WorkerModule, options: WorkerOptions): Worker {
  if (!worker.url.pathname.endsWith('.ts')) return new Worker(worker.url, options);
  // Plain JS needs none of the process's flags (`--import tsx`), and some would break it (`--input-type`).
  // A bundle pruned by another process (see pruneBundles) is made again by the next load; this one bootstraps.
  const file = bundled.get(worker.url.href);
  if (file && existsSync(file)) return new Worker(file, { ...options, execArgv: [] });
  // require.resolve finds the package's CommonJS entry; the ESM one beside it is what registers hooks.
  const api = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  return new Worker(`import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker.url.href)}); });`, {
    ...options,
    eval: true,
  });
}

/** A bundle no process has made or used for this long belongs to code that is gone: it is deleted. */
const BUNDLE_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** Bundles the TypeScript worker, off the event loop (esbuild works in its own process, stopped after). */
async function bundleWorker(worker: WorkerModule): Promise<void> {
  if (!worker.url.pathname.endsWith('.ts')) return;
  const fromTsx = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'));
  let esbuild: typeof import('esbuild') | undefined;
  try {
    esbuild = fromTsx('esbuild') as typeof import('esbuild');
    const out = await esbuild.build({ entryPoints: [fileURLToPath(worker.url)], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent' });
    const code = out.outputFiles[0]?.contents;
    if (!code) return;
    const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
    const file = path.join(os.tmpdir(), `${worker.bundlePrefix}${hash}.cjs`);
    // Named by its content, so a file already there (an earlier process) is this very bundle: marked as in use.
    const now = new Date();
    if (
      !(await utimes(file, now, now).then(
        () => true,
        () => false,
      ))
    ) {
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(temp, code);
      await rename(temp, file);
    }
    bundled.set(worker.url.href, file);
    await pruneBundles(worker.bundlePrefix, path.basename(file), now.getTime());
  } catch {
    bundled.set(worker.url.href, null);
  } finally {
    // esbuild's service process would otherwise live as long as this one, for nothing.
    await esbuild?.stop();
  }
}

/** Deletes other bundles (and temp files of interrupted writes) that no process has touched in a day. */
async function pruneBundles(prefix: string, keep: string, now: number): Promise<void> {
  const dir = os.tmpdir();
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix) || name === keep) continue;
    const file = path.join(dir, name);
    const changed = await stat(file).then(
      (s) => s.mtimeMs,
      () => now,
    );
    if (now - changed > BUNDLE_MAX_AGE_MS) await unlink(file).catch(() => {});
  }
}
