import { describe, expect, it } from 'vitest';
import { FakeSlack } from '../../fakes/slack/server.js';
import { freePort } from '../../helpers/main-process.js';
import { LogLines, slackHarness } from './harness.js';

describe('Bolt adapter start: a wrong token fails start with a message that names the setting', () => {
  it('HTTP: a bot token Slack refuses (auth.test invalid_auth)', async () => {
    await expect(slackHarness({ mode: 'http', config: { botToken: 'xoxb-wrong' } })).rejects.toThrow(/Slack refused SLACK_BOT_TOKEN at start \(auth\.test: invalid_auth\)/);
  });

  it('Socket Mode: an app token Slack refuses (apps.connections.open invalid_auth)', async () => {
    await expect(slackHarness({ mode: 'socket', config: { appToken: 'xapp-wrong' } })).rejects.toThrow(
      /Slack could not open a Socket Mode connection; check SLACK_APP_TOKEN .*\(invalid_auth\)/,
    );
  });

  it('refuses a set-up with neither a bot token nor OAuth credentials', async () => {
    await expect(slackHarness({ mode: 'http', config: { botToken: null } })).rejects.toThrow(/SLACK_BOT_TOKEN, or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET/);
  });
});

describe('Bolt adapter start: Slack unreachable is not a bad token', () => {
  it('says Slack is unreachable (URL and cause), keeps trying with back-off, and starts once Slack answers', async () => {
    const port = await freePort();
    const apiUrl = `http://127.0.0.1:${port}/api/`;
    const logs = new LogLines();
    const starting = slackHarness({ mode: 'http', config: { apiUrl }, options: { startRetry: { firstMs: 20, maxMs: 80 } }, logs });
    let settled = false;
    starting.then(
      () => (settled = true),
      () => (settled = true),
    );
    const unreachable = () => logs.lines.filter((l) => /Slack is unreachable/.test(l));
    while (unreachable().length < 3) await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    const [first] = unreachable().map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(first).toMatchObject({ level: 40, url: apiUrl, cause: 'ECONNREFUSED', attempt: 1 });
    expect(logs.text).not.toMatch(/refused SLACK_BOT_TOKEN/);

    // Slack comes back where the app was looking: start-up carries on by itself.
    const slack = await new FakeSlack().start(port);
    try {
      const h = await starting;
      try {
        const res = await h.sender?.event({ type: 'url_verification', token: 'legacy', challenge: 'back' });
        expect(res?.json()).toEqual({ challenge: 'back' });
        expect(slack.callsTo('auth.test')).toHaveLength(1);
        expect(logs.text).toMatch(/Slack is reachable again/);
      } finally {
        await h.close();
      }
    } finally {
      await slack.close();
    }
  });

  it('still refuses a token Slack answers invalid_auth for at once, without retrying', async () => {
    const logs = new LogLines();
    await expect(slackHarness({ mode: 'http', config: { botToken: 'xoxb-wrong' }, options: { startRetry: { firstMs: 20, maxMs: 80 } }, logs })).rejects.toThrow(
      /Slack refused SLACK_BOT_TOKEN at start \(auth\.test: invalid_auth\)/,
    );
    expect(logs.text).not.toMatch(/unreachable/);
  });
});
