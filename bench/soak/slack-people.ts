import type { WorkspaceRef } from '../../src/core/refs.js';
import { type Who, blockAction, reactionAdded, slashCommand } from '../../tests/fakes/slack/payloads.js';
import { FAKE_TEAM, type FakeSlack } from '../../tests/fakes/slack/server.js';
import { type SentRequest, SlackSender } from '../../tests/fakes/slack/signed-requests.js';
import {
  COMMANDS,
  ChannelState,
  GRADES,
  GRADE_COUNTED,
  QUIZ_COUNTED,
  REQUEST_TIMEOUT_MS,
  SEARCH_WORDS,
  type SoakContext,
  TEAMS,
  actionsIn,
  describeError,
  pick,
  sleep,
  think,
  weighted,
} from './shared.js';

export const SLACK_WORKSPACE: WorkspaceRef = { platform: 'slack', workspaceId: FAKE_TEAM };

const QUIZ_CHOICE = /quiz:[a-z0-9]+:\d{1,3}:[A-D]/;
const DAILY_REVEAL = /daily:reveal:[0-9a-z]+/;
/** The fake keeps every call; past this many the ones already read are dropped, so the run holds no growing log. */
const KEEP_CALLS = 2_000;

/**
 * Slack's people in a few channels, sent signed as Slack sends them: slash commands, reactions, grade and
 * quiz buttons. Answers that come to a response_url are awaited (bounded) and read: one that says
 * something went wrong is an error even though the request itself was acked.
 */
export class SlackPeople {
  readonly channels = new Map<string, ChannelState>();
  private readonly sender: SlackSender;
  private read = 0;

  constructor(
    private readonly ctx: SoakContext,
    private readonly fake: FakeSlack,
    url: string,
    channelIds: readonly string[],
  ) {
    this.sender = new SlackSender(url);
    for (const id of channelIds) this.channels.set(id, new ChannelState());
  }

  /** Reads the messages Recall made since the last look: daily posts in order of appearance, quiz questions. */
  watch(): void {
    const calls = this.fake.calls;
    for (; this.read < calls.length; this.read++) {
      const call = calls[this.read];
      if (call?.method !== 'chat.postMessage' || call.status !== 200 || call.response['ok'] !== true) continue;
      const channel = this.channels.get(String(call.body['channel']));
      if (!channel || call.body['thread_ts'] !== undefined) continue;
      const ts = String(call.response['ts']);
      const reveal = actionsIn(call.body['blocks'], DAILY_REVEAL)[0];
      if (reveal) channel.addPost(reveal.slice('daily:reveal:'.length), ts);
      const quiz = actionsIn(call.body['blocks'], QUIZ_CHOICE);
      if (quiz.length > 0) channel.quiz = { messageId: ts, actions: quiz, seenAt: performance.now() };
    }
    if (calls.length > KEEP_CALLS) {
      calls.splice(0, this.read);
      this.read = 0;
    }
    const responses = this.fake.responses;
    // Arrivals are awaited through waiters registered before sending, so old ones need not stay.
    if (responses.length > KEEP_CALLS) responses.splice(0, responses.length - KEEP_CALLS / 2);
  }

  private async send(kind: string, send: () => Promise<SentRequest>): Promise<boolean> {
    const started = performance.now();
    try {
      const res = await withTimeout(send(), REQUEST_TIMEOUT_MS);
      // Every request here is well-formed and signed, so anything but 2xx is a failure. Bolt answers 404
      // when Recall did not acknowledge within 3 s; Slack then shows the person an error.
      if (res.status >= 200 && res.status < 300) this.ctx.meter.request(kind, 'ok', res.ms);
      else this.ctx.meter.request(kind, 'error', res.ms, res.status === 404 ? '404: not acknowledged within 3 s' : `${res.status} ${res.text.slice(0, 200)}`);
      return res.status === 200;
    } catch (err) {
      this.ctx.meter.request(kind, 'error', performance.now() - started, describeError(err));
      return false;
    }
  }

  /** The answer at a response_url, or undefined (counted as an error) when none comes in time. */
  private async answerAt(kind: string, responseUrl: string, arrival: Promise<{ body: Record<string, unknown> }>): Promise<string | undefined> {
    try {
      const answer = await withTimeout(arrival, REQUEST_TIMEOUT_MS);
      const text = JSON.stringify(answer.body);
      if (/went wrong|try again/i.test(text)) this.ctx.meter.error(`${kind} answer`, text);
      return text;
    } catch {
      this.ctx.meter.error(`${kind} answer`, `no answer at ${responseUrl} within ${REQUEST_TIMEOUT_MS / 1000} s`);
      return undefined;
    }
  }

  command(who: Who, channelId: string, text: string): Promise<boolean> {
    return this.send('slack command', () => this.sender.command(slashCommand(who, channelId, text, this.fake.responseUrl())));
  }

  /** Posts a daily question and waits (bounded) until it shows, so its number is known before the next. */
  async postDaily(admin: Who, channelId: string): Promise<void> {
    const channel = this.channels.get(channelId);
    const before = channel?.posts.length ?? 0;
    if (!(await this.command(admin, channelId, 'daily now'))) return;
    const until = performance.now() + 10_000;
    while ((channel?.posts.length ?? 0) === before && performance.now() < until) {
      await sleep(50);
      this.watch();
    }
  }

  async person(who: Who, channelId: string, first: boolean): Promise<void> {
    const { ctx } = this;
    const channel = this.channels.get(channelId) as ChannelState;
    if (first) {
      await this.command(who, channelId, `team join ${pick(ctx.random, TEAMS)}`);
      return;
    }
    const action = weighted(ctx.random, { command: 30, react: 15, grade: 35, quiz: 17, team: 3 });
    switch (action) {
      case 'command':
        await this.command(who, channelId, ctx.random() < 0.2 ? `bank search ${pick(ctx.random, SEARCH_WORDS)}` : pick(ctx.random, COMMANDS));
        return;
      case 'react': {
        const post = channel.latest();
        if (post) await this.send('slack reaction', () => this.sender.event(reactionAdded(who, channelId, post.messageId, 'eyes')));
        return;
      }
      case 'grade': {
        const post = channel.latestGradable();
        if (!post) return;
        const action = `daily:grade:${post.postId}:${pick(ctx.random, GRADES)}`;
        const text = await this.press('slack grade', who, channelId, action, post.messageId, true);
        ctx.ledger.press(SLACK_WORKSPACE, post.postId, who.userId, text !== undefined && GRADE_COUNTED.test(text));
        return;
      }
      case 'quiz': {
        const quiz = channel.freshQuiz(performance.now());
        if (!quiz) {
          await this.command(who, channelId, 'quiz 3');
          return;
        }
        const action = pick(ctx.random, quiz.actions);
        const text = await this.press('slack quiz', who, channelId, action, quiz.messageId, false);
        const [, round, index] = action.split(':');
        ctx.ledger.press(SLACK_WORKSPACE, `${round}:${index}`, who.userId, text !== undefined && QUIZ_COUNTED.test(text));
        return;
      }
      case 'team':
        await this.command(who, channelId, `team join ${pick(ctx.random, TEAMS)}`);
        return;
    }
  }

  /** A button press; resolves with the answer's text at its response_url, if the press was acked. */
  private async press(kind: string, who: Who, channelId: string, action: string, messageTs: string, ephemeral: boolean): Promise<string | undefined> {
    const responseUrl = this.fake.responseUrl();
    const arrival = this.fake.responseArrival(responseUrl);
    const payload = blockAction(who, channelId, { actionId: action, value: action }, responseUrl, { messageTs, ephemeral });
    if (!(await this.send(kind, () => this.sender.action(payload)))) return undefined;
    return this.answerAt(kind, responseUrl, arrival);
  }

  async run(who: Who, channelId: string): Promise<void> {
    let first = true;
    while (performance.now() < this.ctx.until) {
      await this.person(who, channelId, first);
      first = false;
      await think(this.ctx);
    }
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
