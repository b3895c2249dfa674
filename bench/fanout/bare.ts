import { performance } from 'node:perf_hooks';
import { REST, Routes } from 'discord.js';
import { type FanoutOptions, type FanoutResult, measure, startLimitedFake } from './setup.js';

/** A body like the daily post's (an embed and a row of buttons), so the fake does the same work per create. */
const BODY = {
  embeds: [{ title: 'Daily question', description: 'What is chunking and why does it matter?', footer: { text: 'React 👀 to see the answer' } }],
  components: [{ type: 1, components: [{ type: 2, style: 2, label: 'Reveal', custom_id: 'daily:reveal:bench' }] }],
  allowed_mentions: { parse: [] },
};

/**
 * The baseline: discord.js's own REST client (the one inside Recall's Client, same defaults) with nothing
 * else to do, handed every create at once (as Recall's scheduler does) or kept to `inFlight` at a time.
 * What it takes over the floor is discord.js's pacing; what Recall takes over it is Recall's.
 */
export async function bareFanout(options: FanoutOptions, inFlight = Number.POSITIVE_INFINITY): Promise<FanoutResult> {
  const limited = await startLimitedFake(options);
  const { fake, limiter, channelIds } = limited;
  const rest = new REST({ api: fake.apiBase, globalRequestsPerSecond: options.globalPerSecond }).setToken(fake.token);
  try {
    const fromRequest = fake.requests.length;
    const before = { ...limiter.served429 };
    const t0 = performance.now();
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let id = channelIds[next++]; id !== undefined; id = channelIds[next++]) await rest.post(Routes.channelMessages(id), { body: BODY });
    };
    await Promise.all(Array.from({ length: Math.min(inFlight, channelIds.length) }, worker));
    return measure(limited, fromRequest, t0, performance.now(), before, 0);
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
    await fake.close();
  }
}
