import { describe, expect, it } from 'vitest';
import { slackHarness } from './harness.js';

describe('Bolt adapter start: a wrong token fails start with a message that names the setting', () => {
  it('HTTP: a bot token Slack refuses (auth.test invalid_auth)', async () => {
    await expect(slackHarness({ mode: 'http', config: { botToken: 'xoxb-wrong' } })).rejects.toThrow(/Slack refused SLACK_BOT_TOKEN at start \(auth\.test: invalid_auth\)/);
  });

  it('Socket Mode: an app token Slack refuses (apps.connections.open invalid_auth)', async () => {
    await expect(slackHarness({ mode: 'socket', config: { appToken: 'xapp-wrong' } })).rejects.toThrow(/Slack could not open a Socket Mode connection; check SLACK_APP_TOKEN .*\(invalid_auth\)/);
  });

  it('refuses a set-up with neither a bot token nor OAuth credentials', async () => {
    await expect(slackHarness({ mode: 'http', config: { botToken: null } })).rejects.toThrow(/SLACK_BOT_TOKEN, or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET/);
  });
});
