import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { normalizeReaction } from '../../src/core/emoji.js';
import { defaultEngineConfig } from '../../src/core/engine-config.js';
import { type Engine, createEngine } from '../../src/core/engine.js';
import type { UserRef } from '../../src/core/refs.js';
import { type Button, type Reply, replyText } from '../../src/core/reply.js';
import type { World } from '../../src/core/world.js';
import { countLoggedErrors, createPrometheusMetrics, instrumentEngine, instrumentPort } from '../../src/metrics/index.js';
import type { PrometheusMetrics } from '../../src/metrics/index.js';
import { FakePlatform } from '../fakes/platform.js';
import { FakeTimer } from '../fakes/wake-timer.js';
import { type TestWorld, createTestWorld } from '../fakes/world.js';
import { inChannel } from '../helpers/commands.js';
import { slack } from '../helpers/people.js';
import { seedBankService } from '../helpers/services.js';

const { channel, ann, alice, bob } = slack;

function button(reply: Reply, label: RegExp): Button {
  const hit = reply.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : [])).find((b) => label.test(b.label));
  if (!hit) throw new Error(`no button ${label} in: ${replyText(reply)}`);
  return hit;
}

/** The value of one series, 0 when it has not appeared. */
async function value(metrics: PrometheusMetrics, name: string, labels: Record<string, string>): Promise<number> {
  const metric = metrics.registry.getSingleMetric(name);
  if (!metric) throw new Error(`no metric ${name}`);
  const { values } = await metric.get();
  const hit = values.find((v) => Object.entries(labels).every(([k, want]) => String(v.labels[k]) === want));
  return hit?.value ?? 0;
}

interface Rig {
  metrics: PrometheusMetrics;
  test: TestWorld;
  platform: FakePlatform;
  engine: Engine;
  say(who: UserRef, text: string, isAdmin?: boolean): Promise<Reply>;
  press(who: UserRef, b: Button): Promise<Reply>;
}

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.engine.stop();
  rig = undefined;
});

/** A real engine wired as main.ts wires it: metrics in the world, the port and the engine wrapped. */
async function start(): Promise<Rig> {
  const metrics = createPrometheusMetrics();
  const test = await createTestWorld({ start: '2026-11-23T08:00:00Z' });
  const world: World = { ...test, logger: countLoggedErrors(test.logger, metrics), metrics };
  const platform = new FakePlatform();
  const inner = createEngine({ world, config: defaultEngineConfig, bank: seedBankService(), platform: instrumentPort(platform, metrics), commands, wakeTimer: new FakeTimer() });
  const engine = instrumentEngine(inner, metrics);
  await engine.start();
  const { say, press } = inChannel(engine, channel);
  rig = { metrics, test, platform, engine, say, press };
  return rig;
}

async function postToday(r: Rig, reveal = 'private'): Promise<string> {
  await r.engine.runCommand({ user: ann, channel, isAdmin: true, command: 'daily', subcommand: 'set', options: { time: '09:30', reveal } });
  await r.say(ann, 'daily now', true);
  const post = r.platform.posts('C-study').at(-1);
  if (!post) throw new Error('the daily question was not posted');
  return post.messageId;
}

describe('Prometheus metrics over a real engine', () => {
  it('counts the daily post, a reveal by reaction and a grade, once each, by platform', async () => {
    const r = await start();
    const messageId = await postToday(r);
    expect(await value(r.metrics, 'recall_posts_total', { platform: 'slack', kind: 'post', outcome: 'ok' })).toBe(1);

    const eyes = { user: alice, channel, messageId, reaction: normalizeReaction('eyes') };
    await r.engine.handleReaction(eyes);
    // A repeated reaction reveals nothing new and must not count again.
    await r.engine.handleReaction(eyes);
    expect(await value(r.metrics, 'recall_reveals_total', { platform: 'slack', via: 'reaction' })).toBe(1);
    expect(await value(r.metrics, 'recall_posts_total', { platform: 'slack', kind: 'private', outcome: 'ok' })).toBe(1);

    const [reveal] = r.platform.privates('U-alice');
    if (!reveal) throw new Error('no reveal');
    const got = button(reveal.reply, /Got it/);
    await r.press(alice, got);
    await r.press(alice, got);
    await r.press(alice, button(reveal.reply, /Partly/));
    expect(await value(r.metrics, 'recall_grades_total', { platform: 'slack', kind: 'daily', grade: 'got' })).toBe(1);
    expect(await value(r.metrics, 'recall_grades_total', { platform: 'slack', kind: 'daily', grade: 'partly' })).toBe(1);

    const text = await r.metrics.render();
    expect(text).toContain('recall_grades_total{platform="slack",kind="daily",grade="got"} 1');
    expect(text).toContain('recall_errors_total{where="reaction"} 0');
    expect(r.test.logger.at('error')).toEqual([]);
  });

  it('in thread mode, counts the public answer once and each reactor’s reveal', async () => {
    const r = await start();
    const messageId = await postToday(r, 'thread');
    await r.engine.handleReaction({ user: alice, channel, messageId, reaction: normalizeReaction('eyes') });
    await r.engine.handleReaction({ user: bob, channel, messageId, reaction: normalizeReaction('eyes') });
    expect(r.platform.threads(messageId)).toHaveLength(1);
    expect(await value(r.metrics, 'recall_reveals_total', { platform: 'slack', via: 'thread' })).toBe(1);
    expect(await value(r.metrics, 'recall_reveals_total', { platform: 'slack', via: 'reaction' })).toBe(2);
    expect(await value(r.metrics, 'recall_posts_total', { platform: 'slack', kind: 'thread', outcome: 'ok' })).toBe(1);
  });

  it('times every handled command, button and reaction in the 5 ms … 10 s histogram', async () => {
    const r = await start();
    const messageId = await postToday(r);
    await r.engine.handleReaction({ user: alice, channel, messageId, reaction: normalizeReaction('eyes') });
    await r.engine.runCommand({ user: alice, channel, isAdmin: false, command: 'leaderboard', subcommand: null, options: {} });

    const text = await r.metrics.render();
    // Two slash commands (daily set, leaderboard), one typed command (daily now), one reaction, all ok.
    expect(text).toContain('recall_handle_duration_seconds_count{kind="text",platform="slack",outcome="ok"} 1');
    expect(text).toContain('recall_handle_duration_seconds_count{kind="command",platform="slack",outcome="ok"} 2');
    expect(text).toContain('recall_handle_duration_seconds_count{kind="reaction",platform="slack",outcome="ok"} 1');
    expect(text).toMatch(/recall_handle_duration_seconds_bucket\{le="0\.005",kind="reaction",platform="slack",outcome="ok"\} [01]\n/);
    expect(text).toContain('recall_handle_duration_seconds_bucket{le="10",kind="reaction",platform="slack",outcome="ok"} 1');
    const sum = Number(/recall_handle_duration_seconds_sum\{kind="text",platform="slack",outcome="ok"\} ([\d.e-]+)/.exec(text)?.[1]);
    expect(sum).toBeGreaterThan(0);
  });

  it('a reveal the platform refuses: an error post, an error-level reaction and no reveal', async () => {
    const r = await start();
    const messageId = await postToday(r);
    r.platform.failNext(new Error('DMs closed'));
    await r.engine.handleReaction({ user: alice, channel, messageId, reaction: normalizeReaction('eyes') });

    expect(await value(r.metrics, 'recall_posts_total', { platform: 'slack', kind: 'private', outcome: 'error' })).toBe(1);
    expect(await value(r.metrics, 'recall_reveals_total', { platform: 'slack', via: 'reaction' })).toBe(0);
    expect(await value(r.metrics, 'recall_errors_total', { where: 'reaction' })).toBe(1);
    expect(await r.metrics.render()).toContain('recall_handle_duration_seconds_count{kind="reaction",platform="slack",outcome="error"} 1');
    // The line still reaches the log: counting must not swallow it.
    expect(r.test.logger.at('error').map((e) => e.msg)).toEqual(['could not deliver a daily reveal; reacting again retries']);
  });

  it('a handler that throws is counted once and still throws; an error logged after it returned is background', async () => {
    const metrics = createPrometheusMetrics();
    const test = await createTestWorld();
    const logger = countLoggedErrors(test.logger, metrics);
    const inner = createEngine({ world: test, config: defaultEngineConfig, bank: seedBankService(), platform: new FakePlatform(), commands, wakeTimer: new FakeTimer() });
    let later: Promise<void> | undefined;
    const broken: Engine = {
      ...inner,
      runCommand: async () => {
        logger.error({}, 'first symptom');
        throw new Error('boom');
      },
      handleReaction: async () => {
        later = new Promise((resolve) => setTimeout(() => resolve(logger.error({}, 'a timer it started failed')), 5));
      },
    };
    const engine = instrumentEngine(broken, metrics);

    await expect(engine.runCommand({ user: alice, channel, isAdmin: false, command: 'help', subcommand: null, options: {} })).rejects.toThrow('boom');
    expect(await value(metrics, 'recall_errors_total', { where: 'command' })).toBe(1);
    expect(await metrics.render()).toContain('recall_handle_duration_seconds_count{kind="command",platform="slack",outcome="error"} 1');

    await engine.handleReaction({ user: alice, channel, messageId: 'm1', reaction: normalizeReaction('eyes') });
    await later;
    expect(await value(metrics, 'recall_errors_total', { where: 'reaction' })).toBe(0);
    expect(await value(metrics, 'recall_errors_total', { where: 'background' })).toBe(1);
    expect(await metrics.render()).toContain('recall_handle_duration_seconds_count{kind="reaction",platform="slack",outcome="ok"} 1');
  });

  it('keeps each instance in its own registry, with the process metrics beside recall_*', async () => {
    const one = createPrometheusMetrics();
    const two = createPrometheusMetrics();
    one.graded('discord', 'quiz', 'missed');
    expect(await value(one, 'recall_grades_total', { platform: 'discord', grade: 'missed' })).toBe(1);
    expect(await value(two, 'recall_grades_total', { platform: 'discord', grade: 'missed' })).toBe(0);
    const text = await two.render();
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_heap_size_used_bytes');
    expect(two.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it('reports each platform’s connection at scrape time', async () => {
    const metrics = createPrometheusMetrics();
    let discordUp = true;
    metrics.watchPlatforms(() => ({ discord: { connected: discordUp }, slack: { connected: true } }));
    expect(await metrics.render()).toContain('recall_platform_connected{platform="discord"} 1');
    discordUp = false;
    const text = await metrics.render();
    expect(text).toContain('recall_platform_connected{platform="discord"} 0');
    expect(text).toContain('recall_platform_connected{platform="slack"} 1');
  });
});
