import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/bank.js';

/** The same file for the same role in every core service (#18), so a newcomer knows where to look. */
const ROLES = ['index.ts', 'service.ts', 'create.ts', 'keys.ts', 'store.ts', 'types.ts', 'replies.ts'];
/** Services whose messages carry buttons build and parse their ids in one file and answer presses in another. */
const BUTTON_ROLES = ['action-ids.ts', 'handle-action.ts'];
const SERVICES: Record<string, { buttons: boolean }> = { daily: { buttons: true }, quiz: { buttons: true }, scoring: { buttons: false } };

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(repoRoot, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

/** Relative imports and re-exports of a file, type-only ones included, as repo paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(repoRoot, file), 'utf8');
  return [...text.matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gms)].map((m) => path.normalize(path.join(path.dirname(file), (m[1] as string).replace(/\.js$/, '.ts'))));
}

function graphOf(files: readonly string[]): Map<string, string[]> {
  return new Map(files.map((f) => [f, importsOf(f).filter((t) => files.includes(t))]));
}

/** Files on an import cycle (Tarjan's strongly connected components), each cycle sorted. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v) as number);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (stack.includes(w)) {
        low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w !== undefined) component.push(w);
      } while (w !== undefined && w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const f of graph.keys()) if (!index.has(f)) visit(f);
  return found;
}

describe('one shape for every core service', () => {
  it.each(Object.entries(SERVICES))('%s has a file for each role', (name, { buttons }) => {
    const expected = buttons ? [...ROLES, ...BUTTON_ROLES] : ROLES;
    expect(expected.filter((f) => !existsSync(path.join(repoRoot, 'src/core', name, f)))).toEqual([]);
  });

  it.each(Object.keys(SERVICES))('%s/service.ts declares the service interface and its deps', (name) => {
    const text = readFileSync(path.join(repoRoot, 'src/core', name, 'service.ts'), 'utf8');
    const title = name[0]?.toUpperCase() + name.slice(1);
    expect(text).toMatch(new RegExp(`export interface ${title}Service\\b`));
    expect(text).toMatch(new RegExp(`export (?:interface|type) ${title}(?:Deps|Options)\\b`));
  });

  it('finds an import loop like the one publish → public-reveals → reveal → publish was', () => {
    const graph = new Map([
      ['publish', ['public-reveals', 'service']],
      ['public-reveals', ['reveal', 'publish']],
      ['reveal', ['publish']],
      ['service', []],
    ]);
    expect(cycles(graph)).toEqual([['public-reveals', 'publish', 'reveal']]);
    expect(
      cycles(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).toEqual([]);
  });

  it.each(['src/core/daily', 'src/core/quiz', 'src/core/scoring', 'src/scheduler', 'src/bank/parse'])('%s has no import cycle, type imports included', (dir) => {
    expect(cycles(graphOf(sourceFiles(dir)))).toEqual([]);
  });

  it('the scheduler imports nothing from above it: its clock, logger and timers come in as parameters', () => {
    const outside = sourceFiles('src/scheduler').flatMap((f) =>
      importsOf(f)
        .filter((t) => !t.startsWith('src/scheduler/'))
        .map((t) => `${f} → ${t}`),
    );
    expect(outside).toEqual([]);
  });
});
