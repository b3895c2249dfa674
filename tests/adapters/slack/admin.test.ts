import { afterEach, describe, expect, it } from 'vitest';
import { slashCommand } from '../../fakes/slack/payloads.js';
import { CHANNEL, type SlackHarness, alice, ann, bob, slackHarness } from './harness.js';

const SET = 'daily set 09:30 weekdays Europe/Berlin';

describe('Bolt HTTP adapter: who is a Recall admin on Slack', () => {
  let h: SlackHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('counts members of the SLACK_ADMIN_GROUP user group, found by its handle, as admins', async () => {
    h = await slackHarness({ mode: 'http', config: { adminGroup: '@recall-admins' } });
    h.fake.usergroups.push({ id: 'S0ADMINS1', handle: 'recall-admins', name: 'Recall admins', users: ['U-bob'] });
    expect((await h.recall(bob, SET)).text).toMatch(/09:30/);
    expect((await h.recall(alice, SET)).text).toBe('Only admins can use `daily set`.');
    expect(h.fake.callsTo('usergroups.users.list').map((c) => c.body['usergroup'])).toEqual(['S0ADMINS1']);
    // One lookup of the group per workspace while the cache is fresh.
    expect(h.fake.callsTo('usergroups.list')).toHaveLength(1);
  });

  it('asks users.info once per person while the answer is fresh, and again after it expires', async () => {
    h = await slackHarness({ mode: 'http', options: { adminCacheMs: 200 } });
    await h.recall(ann, SET);
    await h.recall(ann, 'daily status');
    expect(h.fake.callsTo('users.info')).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 250));
    await h.recall(ann, 'daily status');
    expect(h.fake.callsTo('users.info')).toHaveLength(2);
  });

  it('treats someone users.info cannot find as not an admin, and says so in the log', async () => {
    h = await slackHarness({ mode: 'http' });
    const stranger = { userId: 'U-nobody', userName: 'nobody' };
    expect((await h.recall(stranger, SET)).text).toBe('Only admins can use `daily set`.');
    expect(h.logs.text).toMatch(/could not tell whether a Slack user is an admin/);
    expect(h.logs.text).toMatch(/user_not_found/);
  });
});

describe('Bolt HTTP adapter: a slow command still acks inside Slack’s 3 seconds', () => {
  let h: SlackHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('acks with a note when the reply is not ready in time, then answers at the response_url', async () => {
    h = await slackHarness({ mode: 'http', options: { ackWithinMs: 0 } });
    const responseUrl = h.fake.responseUrl();
    const res = await h.sender?.command(slashCommand(alice, CHANNEL, 'leaderboard', responseUrl));
    expect(res?.status).toBe(200);
    expect(res?.json()).toEqual({ response_type: 'ephemeral', text: 'Working on it…' });
    const later = await h.fake.waitForResponse((r) => responseUrl.endsWith(r.id));
    expect(later.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(JSON.stringify(later.body['blocks'])).toMatch(/Nobody has points this week/);
  });
});
