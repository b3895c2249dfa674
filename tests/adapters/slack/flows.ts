import { expect } from 'vitest';
import type { ApiCall } from '../../fakes/slack/server.js';
import { type SlackHarness, ann } from './harness.js';

/** An admin sets 09:30 on weekdays in Berlin; the clock moves to 09:30 and the scheduler wakes. */
export async function scheduleAndPost(h: SlackHarness): Promise<{ post: ApiCall; ts: string }> {
  const set = await h.recall(ann, 'daily set 09:30 weekdays Europe/Berlin');
  expect(set.text).toMatch(/09:30/);
  expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  h.world.clock.set('2026-11-23T08:30:00Z');
  await h.wake.fire();
  await h.wake.fire();
  const posts = h.fake.callsTo('chat.postMessage');
  expect(posts).toHaveLength(1);
  const post = posts[0] as ApiCall;
  return { post, ts: String(post.response['ts']) };
}
