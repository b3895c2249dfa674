/**
 * `npm run bench -- <name> [flags]` runs `bench/<name>.ts`. Benchmarks are listed here rather than
 * discovered, so a helper module in bench/ can never be started by mistake and the list doubles as help.
 */

interface Benchmark {
  run(args: readonly string[]): Promise<void>;
}

const benchmarks: Record<string, () => Promise<Benchmark>> = {
  bank: () => import('./bank.js'),
  cluster: () => import('./cluster.js'),
  core: () => import('./core.js'),
  digest: () => import('./digest.js'),
  discord: () => import('./discord.js'),
  fanout: () => import('./fanout.js'),
  practice: () => import('./practice.js'),
  search: () => import('./search.js'),
  'practice-remind': () => import('./practice-remind.js'),
  slack: () => import('./slack.js'),
  soak: () => import('./soak.js'),
};

function listBenchmarks(): void {
  console.log('usage: npm run bench -- <name> [flags]\n\navailable benchmarks:');
  for (const name of Object.keys(benchmarks)) console.log(`  ${name}`);
}

const [name, ...rest] = process.argv.slice(2);
const load = name === undefined ? undefined : Object.hasOwn(benchmarks, name) ? benchmarks[name] : undefined;

if (name === undefined || name === '--help' || name === '-h') {
  listBenchmarks();
} else if (!load) {
  console.error(`unknown benchmark "${name}"\n`);
  listBenchmarks();
  process.exitCode = 2;
} else {
  try {
    const benchmark = await load();
    await benchmark.run(rest);
  } catch (err) {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    // exitCode rather than exit(): lets the temp-folder cleanup and stdout flush finish first.
    process.exitCode = 1;
  }
}
