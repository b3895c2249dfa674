import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const KEEP_LINES = 20;

export interface RecallChild {
  /** The dashboard (web API) URL. */
  readonly url: string;
  readonly pid: number;
  /** Error-level lines Recall logged (pino level ≥ 50), with the last few kept. */
  errorLines(): { count: number; last: string[] };
  /** Resident set size in bytes, or NaN when it cannot be read. */
  rss(): number;
  /** SIGTERM, then the exit code (null when a signal ended it). */
  stop(): Promise<number | null>;
  kill(): void;
}

/**
 * The product itself, `src/main.ts`, as production starts it: only its environment decides what runs.
 * Its log (pino's JSON on stderr) is read for error lines; only the last few lines are kept, so a long
 * run holds no growing buffer here.
 */
export async function startRecall(env: Record<string, string>): Promise<RecallChild> {
  // SOAK_NODE_ARGS go to Recall's node alone, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it under load.
  const nodeArgs = (process.env['SOAK_NODE_ARGS'] ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/main.ts'], {
    cwd: repoRoot,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...passedThrough('UV_THREADPOOL_SIZE'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start src/main.ts');
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const errors = { count: 0, last: [] as string[] };
  const stderr: string[] = [];
  const keep = (list: string[], line: string) => {
    list.push(line.slice(0, 2000));
    if (list.length > KEEP_LINES) list.shift();
  };

  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const started = /^Recall (?:dashboard|playground): (\S+)/.exec(line);
      if (started?.[1]) resolve(started[1]);
    });
    // The log is JSON lines on stderr; anything else there (a crash's stack) is kept as it is.
    createInterface({ input: child.stderr }).on('line', (line) => {
      let level = 0;
      try {
        level = line.startsWith('{') ? ((JSON.parse(line) as { level?: number }).level ?? 0) : 0;
      } catch {
        // a line that is not the logger's
      }
      if (level >= 50) {
        errors.count++;
        keep(errors.last, line);
      } else keep(stderr, line);
    });
    void exited.then((code) => reject(new Error(`src/main.ts exited at start with ${code}:\n${stderr.join('\n')}\n${errors.last.join('\n')}`)));
  });

  return {
    url,
    pid,
    errorLines: () => ({ count: errors.count, last: [...errors.last] }),
    rss: () => rssOf(pid),
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
    kill: () => void killIfRunning(child),
  };
}

/** Variables a person may set for Recall when running the soak, to compare settings. */
function passedThrough(...names: string[]): Record<string, string> {
  return Object.fromEntries(names.flatMap((n) => (process.env[n] ? [[n, process.env[n] as string]] : [])));
}

function killIfRunning(child: ChildProcess): void {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** /proc on Linux; `ps` elsewhere (a fork per sample, once a second, is cheap enough). */
function rssOf(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    if (kb) return Number(kb) * 1024;
  } catch {
    // not Linux, or the process is gone
  }
  const ps = spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' });
  const kb = Number(ps.stdout.trim());
  return ps.status === 0 && kb > 0 ? kb * 1024 : Number.NaN;
}
