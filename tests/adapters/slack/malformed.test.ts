import { afterEach, describe, expect, it } from 'vitest';
import { blockAction, reactionAdded, slashCommand } from '../../fakes/slack/payloads.js';
import { CHANNEL, type SlackHarness, alice, slackHarness } from './harness.js';

const JSON_TYPE = 'application/json';
const FORM = 'application/x-www-form-urlencoded';
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

/** Correctly signed bodies Slack never sends; each used to crash the process, hang for 3 s or answer 500. */
function malformed(h: SlackHarness): [string, string, string][] {
  const reaction = reactionAdded(alice, CHANNEL, '1.2', 'eyes') as { event: Record<string, unknown> } & Record<string, unknown>;
  const press = blockAction(alice, CHANNEL, { actionId: 'daily:reveal:abc', value: 'daily:reveal:abc' }, h.fake.responseUrl());
  const command = slashCommand(alice, CHANNEL, 'help', h.fake.responseUrl());
  return [
    ['JSON null', 'null', JSON_TYPE],
    ['payload=null', form({ payload: 'null' }), FORM],
    ['a JSON array', '[{"type":"event_callback"}]', JSON_TYPE],
    ['a JSON number', '42', JSON_TYPE],
    ['a JSON string', '"event_callback"', JSON_TYPE],
    ['an object with no type', '{"event":{"type":"reaction_added"}}', JSON_TYPE],
    ['event: null', JSON.stringify({ ...reaction, event: null }), JSON_TYPE],
    ['an event with no type', JSON.stringify({ ...reaction, event: { ...reaction.event, type: undefined } }), JSON_TYPE],
    ['an event whose item is a string', JSON.stringify({ ...reaction, event: { ...reaction.event, item: 'C1' } }), JSON_TYPE],
    ['an event whose channel is null', JSON.stringify({ ...reaction, event: { ...reaction.event, channel: null } }), JSON_TYPE],
    ['authorizations: [null]', JSON.stringify({ ...reaction, authorizations: [null] }), JSON_TYPE],
    ['a type Recall does not handle', '{"type":"view_submission"}', JSON_TYPE],
    ['url_verification with no challenge', '{"type":"url_verification"}', JSON_TYPE],
    ['payload=[]', form({ payload: '[]' }), FORM],
    ['payload=5', form({ payload: '5' }), FORM],
    ['payload that is not JSON', form({ payload: '{"type":' }), FORM],
    ['payload with no type', form({ payload: JSON.stringify({ ...press, type: undefined }) }), FORM],
    ['a press whose user is null', form({ payload: JSON.stringify({ ...press, user: null }) }), FORM],
    ['a press whose channel is null', form({ payload: JSON.stringify({ ...press, channel: null }) }), FORM],
    ['a press with no actions', form({ payload: JSON.stringify({ ...press, actions: [] }) }), FORM],
    ['two payload fields', `${form({ payload: JSON.stringify(press) })}&${form({ payload: JSON.stringify(press) })}`, FORM],
    ['a form with neither command nor payload', form({ team_id: 'T1' }), FORM],
    ['a command Recall does not have', form({ ...command, command: '/other' }), FORM],
    ['a command with its team_id twice', `${form(command)}&team_id=T2`, FORM],
    ['an empty body', '', JSON_TYPE],
    ['an event Recall does not subscribe to', JSON.stringify({ ...reaction, event: { type: 'function_executed' } }), JSON_TYPE],
    ['a press that also has a name (Bolt would read it as an options request)', form({ payload: JSON.stringify({ ...press, name: '' }) }), FORM],
    ['a press that also has an event', form({ payload: JSON.stringify({ ...press, event: 'x' }) }), FORM],
    ['a command that also has an event', form({ ...command, event: 'x' }), FORM],
  ];
}

describe('Bolt HTTP adapter: a correctly signed body Slack never sends is answered 400 and changes nothing', () => {
  let h: SlackHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('answers each one 400 at once, runs no handler, logs no error, and keeps serving', async () => {
    h = await slackHarness({ mode: 'http' });
    const callsBefore = h.fake.calls.length;
    for (const [name, body, type] of malformed(h)) {
      const res = await h.sender?.raw(body, type);
      expect(res?.status, name).toBe(400);
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(h.fake.calls.length).toBe(callsBefore);
    expect(h.fake.responses).toEqual([]);
    expect(h.logs.lines.filter((l) => JSON.parse(l).level >= 50)).toEqual([]);
    // Still serving, and the refusals say why without repeating the body.
    expect((await h.recall(alice, '')).text).toMatch(/Recall\* turns your question bank into daily practice/);
    expect(h.logs.text).toMatch(/refused a Slack request/);
    expect(h.logs.text).not.toContain('view_submission"');
  });

  it('refuses the same bodies unsigned with 401: the shape of a body nobody signed is not looked at', async () => {
    h = await slackHarness({ mode: 'http' });
    for (const [name, body, type] of malformed(h)) {
      const res = await h.sender?.raw(body, type, { signature: 'v0=00' });
      expect(res?.status, name).toBe(401);
    }
  });

  it('answers Slack’s unsigned SSL probe 200 and ignores anything smuggled in with it', async () => {
    h = await slackHarness({ mode: 'http' });
    const callsBefore = h.fake.calls.length;
    const smuggled = form({ ssl_check: '1', ...slashCommand(alice, CHANNEL, 'help', h.fake.responseUrl()) });
    const res = await fetch(h.sender?.url ?? '', { method: 'POST', headers: { 'content-type': FORM }, body: smuggled });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect(h.fake.calls.length).toBe(callsBefore);
  });

  it('acknowledges app_rate_limited without running anything', async () => {
    h = await slackHarness({ mode: 'http' });
    const res = await h.sender?.event({ type: 'app_rate_limited', team_id: 'T1', minute_rate_limited: 1518467820, api_app_id: 'A1' });
    expect(res?.status).toBe(200);
    expect(h.logs.text).toMatch(/over its event rate limit/);
  });
});

describe('Bolt Socket Mode adapter: an envelope whose payload Slack never sends is acked and dropped', () => {
  let h: SlackHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('acks each one (so Slack does not resend it), runs no handler, logs no error, and keeps serving', async () => {
    h = await slackHarness({ mode: 'socket' });
    const callsBefore = h.fake.calls.length;
    const reaction = reactionAdded(alice, CHANNEL, '1.2', 'eyes') as { event: Record<string, unknown> } & Record<string, unknown>;
    const press = blockAction(alice, CHANNEL, { actionId: 'daily:reveal:abc', value: 'daily:reveal:abc' }, h.fake.responseUrl());
    // (`event: null` is not among them: the Socket Mode client reads `payload.event.type` before Bolt or
    // Recall sees the envelope. Only Slack's authenticated socket could send one; main.ts's last resort logs it.)
    const envelopes: [string, 'events_api' | 'interactive' | 'slash_commands', unknown][] = [
      ['no type', 'events_api', { ...reaction, type: undefined }],
      ['authorizations: [null]', 'events_api', { ...reaction, authorizations: [null] }],
      ['an event whose item is a string', 'events_api', { ...reaction, event: { ...reaction.event, item: 'C1' } }],
      ['a press whose user is null', 'interactive', { ...press, user: null }],
      ['a press with a name', 'interactive', { ...press, name: '' }],
      ['a command with no user', 'slash_commands', { ...slashCommand(alice, CHANNEL, 'help', h.fake.responseUrl()), user_id: undefined }],
    ];
    for (const [name, type, payload] of envelopes) {
      await expect(h.fake.socket.deliver(type, payload as Record<string, unknown>), name).resolves.toBeDefined();
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(h.fake.calls.length).toBe(callsBefore);
    expect(h.logs.lines.filter((l) => JSON.parse(l).level >= 50)).toEqual([]);
    expect(h.logs.text).toMatch(/refused a Slack Socket Mode envelope/);
    expect((await h.recall(alice, '')).text).toMatch(/Recall\* turns your question bank into daily practice/);
  });
});
