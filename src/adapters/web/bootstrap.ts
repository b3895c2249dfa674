import type { Engine } from '../../core/engine.js';
import { isUserError } from '../../core/errors.js';
import type { CoreLogger } from '../../core/logger.js';
import { PLAYGROUND, PLAYGROUND_HOST } from './refs.js';

export const PLAYGROUND_SCHEDULE = { when: '09:00', days: 'daily', reveal: 'private' } as const;

/**
 * The first start of the playground should show the product at once: a daily schedule for the channel
 * and today's question already posted. Once the channel has settings (even turned off) it is left alone.
 */
export async function preparePlayground(engine: Engine, logger: CoreLogger): Promise<void> {
  const { daily } = engine.services;
  if ((await daily.status(PLAYGROUND)).settings) return;
  try {
    await daily.configure(PLAYGROUND, { ...PLAYGROUND_SCHEDULE }, PLAYGROUND_HOST);
    const post = await daily.postNow(PLAYGROUND, PLAYGROUND_HOST);
    logger.info({ channel: PLAYGROUND, questionId: post.questionId }, 'playground set up: a daily question at 09:00, and today’s is posted');
  } catch (err) {
    // An empty bank still gets a working page; it says what is missing when someone asks.
    if (!isUserError(err)) throw err;
    logger.warn({ channel: PLAYGROUND, reason: err.message }, 'playground has no daily question yet');
  }
}
