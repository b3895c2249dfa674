import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/bank.js';

/** The core, the bank and the commands know no platform and no disk: adapters and io/ do. */
const GUARDED = ['src/core', 'src/bank', 'src/scheduler', 'commands'];
const FORBIDDEN: { pattern: RegExp; why: string }[] = [
  { pattern: /from ['"](?:discord\.js|@discordjs\/[^'"]+)['"]/, why: 'imports discord.js' },
  { pattern: /from ['"]@slack\/(?:bolt|web-api|socket-mode)['"]/, why: 'imports a Slack SDK' },
  { pattern: /from ['"](?:node:)?fs(?:\/promises)?['"]/, why: 'touches the disk (use src/io)' },
  { pattern: /\bprocess\.env\b/, why: 'reads the environment (use src/config.ts)' },
  { pattern: /from ['"](?:prom-client|pino|ioredis|redis|@keyv\/[^'"]+)['"]/, why: 'picks an implementation (metrics, logs, store) that main.ts should choose' },
  { pattern: /from ['"](?:\.\.\/)+(?:src\/)?adapters\//, why: "imports an adapter (each platform's flavour lives with it; the core calls the port)" },
];

function sourceFiles(dir: string): string[] {
  const abs = path.join(repoRoot, dir);
  let entries: string[];
  try {
    entries = readdirSync(abs);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const full = path.join(abs, name);
    if (statSync(full).isDirectory()) return sourceFiles(path.join(dir, name));
    return /\.ts$/.test(name) ? [path.join(dir, name)] : [];
  });
}

describe('module boundaries', () => {
  it('finds the guarded source files', () => {
    expect(sourceFiles('src/bank').length).toBeGreaterThan(10);
  });

  it.each(GUARDED)('%s imports no platform library, no fs and no process.env', (dir) => {
    const offences = sourceFiles(dir).flatMap((file) => {
      const text = readFileSync(path.join(repoRoot, file), 'utf8');
      return FORBIDDEN.filter((f) => f.pattern.test(text)).map((f) => `${file} ${f.why}`);
    });
    expect(offences).toEqual([]);
  });
});
