import type { Installation } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { BOT_SCOPES } from '../../../src/adapters/slack/index.js';
import { storeInstallationStore } from '../../../src/adapters/slack/installation-store.js';
import { slashCommand } from '../../fakes/slack/payloads.js';
import { scheduleAndPost } from './flows.js';
import { CHANNEL, type SlackHarness, alice, slackHarness } from './harness.js';

const INSTALLED_TOKEN = 'xoxb-installed-T1-never-log-me';

const installation: Installation<'v2', false> = {
  team: { id: 'T1', name: 'Fake Team' },
  enterprise: undefined,
  user: { token: undefined, scopes: undefined, id: 'U-ann' },
  bot: { token: INSTALLED_TOKEN, scopes: [...BOT_SCOPES], id: 'B-RECALL', userId: 'U-RECALL' },
  appId: 'A-RECALL',
  tokenType: 'bot',
  isEnterpriseInstall: false,
  authVersion: 'v2',
};

describe('Bolt HTTP adapter: multi-workspace installs through OAuth, kept in the store', () => {
  let h: SlackHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  async function oauthHarness() {
    const harness = await slackHarness({ mode: 'http', config: { botToken: null, clientId: '111.222', clientSecret: 'client-secret-never-log-me' } });
    harness.fake.botTokens.add(INSTALLED_TOKEN);
    return harness;
  }

  it('speaks in a workspace with the token its install stored: commands, admin checks and scheduled posts', async () => {
    h = await oauthHarness();
    expect(h.fake.callsTo('auth.test')).toHaveLength(0);
    await storeInstallationStore(h.world.store).storeInstallation(installation);

    const { post } = await scheduleAndPost(h);
    expect(post.token).toBe(INSTALLED_TOKEN);
    expect(h.fake.callsTo('users.info').map((c) => c.token)).toEqual([INSTALLED_TOKEN]);
    expect(h.logs.text).not.toContain(INSTALLED_TOKEN);
    expect(h.logs.text).not.toContain('client-secret-never-log-me');
  });

  it('does nothing for a workspace that never installed Recall', async () => {
    h = await oauthHarness();
    const callsBefore = h.fake.calls.length;
    const res = await h.sender?.command(slashCommand({ ...alice, teamId: 'T-stranger' }, CHANNEL, 'help', h.fake.responseUrl()));
    expect(res?.status).toBe(200);
    expect(res?.text).toBe('');
    expect(h.fake.calls.length).toBe(callsBefore);
    expect(h.logs.text).toMatch(/Authorization of incoming event did not succeed/);
  });

  it('serves the install page with a one-time state kept in the store', async () => {
    h = await oauthHarness();
    const url = h.adapter.url?.replace('/slack/events', '/slack/install') ?? '';
    const page = await fetch(url);
    expect(page.status).toBe(200);
    const html = await page.text();
    const link = /href="(https:\/\/slack\.com\/oauth\/v2\/authorize\?[^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
    expect(link).toBeDefined();
    const params = new URL(link ?? '').searchParams;
    expect(params.get('scope')).toBe(BOT_SCOPES.join(','));
    expect(params.get('client_id')).toBe('111.222');
    expect(await h.world.store.get(`slack:oauth-state:${params.get('state')}`)).toBeDefined();
  });

  it('forgets the workspace’s token when Slack says the app was uninstalled', async () => {
    h = await oauthHarness();
    const installs = storeInstallationStore(h.world.store);
    await installs.storeInstallation(installation);
    const res = await h.sender?.event({
      token: 'legacy',
      team_id: 'T1',
      api_app_id: 'A-RECALL',
      type: 'event_callback',
      event_id: 'Ev-BYE',
      event_time: 1,
      event: { type: 'app_uninstalled', event_ts: '1.1' },
    });
    expect(res?.status).toBe(200);
    await expect
      .poll(() =>
        installs.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false }).then(
          () => 'still there',
          () => 'gone',
        ),
      )
      .toBe('gone');
  });
});
