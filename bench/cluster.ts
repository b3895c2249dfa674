import os from 'node:os';
import type { Grade } from '../src/core/scoring/grades.js';
import { eventually, findRedisServer } from '../tests/cluster/processes.js';
import { type GradePress, SlackCluster, postIdOf } from '../tests/cluster/slack-cluster.js';

/**
 * `npm run bench -- cluster`: grades per second through one Recall process, then through three, all on
 * one real redis-server behind the fake Slack (the processes are real `src/main.ts` children, as in
 * tests/cluster). Each phase presses CLUSTER_GRADES distinct (person, grade) pairs on today's post, 48
 * at a time, and counts from the first send to the last answer at its response_url. Reported: both
 * rates and three-vs-one as a ratio. On a 2-core machine the three processes, Redis and the load
 * generator share two cores, so the ratio shows contention as much as scaling: read it with the core
 * count printed beside it.
 *
 *   CLUSTER_GRADES  presses per phase (default 3000)
 */

const GRADES: Grade[] = ['got', 'partly', 'missed'];
const WARM_UP = 300;

export async function run(args: readonly string[] = []): Promise<void> {
  if (args.length > 0) throw new Error(`cluster takes no flags (got ${args.join(' ')}); size it with CLUSTER_GRADES`);
  const count = Number(process.env['CLUSTER_GRADES'] ?? 3000);
  if (!Number.isInteger(count) || count < 100) throw new Error('CLUSTER_GRADES must be a whole number of at least 100');
  const binary = findRedisServer();
  if (!binary) throw new Error('the cluster benchmark needs redis-server on PATH (apt-get install -y redis-server)');

  const cluster = await SlackCluster.start(binary, ['C-bench'], 1);
  try {
    const first = await cluster.spawn('recall-1');
    const [post] = await eventually(
      () => (cluster.postsIn('C-bench').length > 0 ? cluster.postsIn('C-bench') : null),
      'the daily post',
      60_000,
      () => cluster.outputs(),
    );
    if (!post) throw new Error('no daily post');
    const postId = postIdOf(post);
    const presses = (phase: string, n: number): GradePress[] =>
      Array.from({ length: n }, (_, i) => ({ who: { userId: `U-${phase}-${i}`, userName: `${phase}${i}` }, channelId: 'C-bench', postId, grade: GRADES[i % 3] as Grade }));

    await cluster.pressGrades(presses('warm1', WARM_UP), [first]);
    const one = await cluster.pressGrades(presses('one', count), [first]);
    const more = await Promise.all([cluster.spawn('recall-2'), cluster.spawn('recall-3')]);
    await cluster.pressGrades(presses('warm3', WARM_UP), more);
    const three = await cluster.pressGrades(presses('three', count), [first, ...more]);

    const failed = [...one.statuses, ...three.statuses].filter((s) => s !== 200).length;
    const rate = (r: { ms: number }): number => count / (r.ms / 1000);
    console.log(`cluster: ${count} grade presses per phase, 48 in flight, one redis-server, ${os.cpus().length} cores`);
    console.log(`  one process     ${rate(one).toFixed(0).padStart(6)} grades/s  (${(one.ms / 1000).toFixed(1)} s)`);
    console.log(`  three processes ${rate(three).toFixed(0).padStart(6)} grades/s  (${(three.ms / 1000).toFixed(1)} s)`);
    console.log(`  three vs one    ${(rate(three) / rate(one)).toFixed(2)}x`);
    console.log(`  non-200 answers ${failed}`);
  } finally {
    await cluster.close();
  }
}
