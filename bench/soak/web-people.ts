import { WEB_WORKSPACE } from '../../src/adapters/web/refs.js';
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
  think,
  weighted,
} from './shared.js';

interface Answer {
  ok: boolean;
  json: unknown;
}

interface MessageView {
  id: string;
  kind: string;
  parentId: string | null;
  onlyYou: boolean;
  daily: boolean;
  blocks: unknown;
}

const QUIZ_CHOICE = /quiz:[a-z0-9]+:\d{1,3}:[A-D]/;
const DAILY_REVEAL = /daily:reveal:[0-9a-z]+/;

/**
 * The playground's people, speaking the page's JSON API as the page does: poll the messages, type
 * commands, react, reveal and grade the daily question, answer quiz questions. Every person has admin
 * rights here (the dashboard token), as the local person of the playground has.
 */
export class WebPeople {
  readonly channel = new ChannelState();

  constructor(
    private readonly ctx: SoakContext,
    private readonly url: string,
    private readonly token: string,
  ) {}

  /** One request, metered: 2xx ok, 4xx refused (by status and message), anything else an error. */
  async request(kind: string, method: 'GET' | 'POST', path: string, body?: Record<string, unknown>): Promise<Answer> {
    const started = performance.now();
    try {
      const res = await fetch(`${this.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${this.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const text = await res.text();
      const ms = performance.now() - started;
      const json = text.startsWith('{') ? (JSON.parse(text) as unknown) : text;
      if (res.ok) this.ctx.meter.request(kind, 'ok', ms);
      else if (res.status < 500) this.ctx.meter.request(kind, 'refused', ms, `${res.status} ${errorOf(json)}`);
      else this.ctx.meter.request(kind, 'error', ms, `${res.status} ${text.slice(0, 200)}`);
      return { ok: res.ok, json };
    } catch (err) {
      this.ctx.meter.request(kind, 'error', performance.now() - started, describeError(err));
      return { ok: false, json: null };
    }
  }

  command(name: string, text: string): Promise<Answer> {
    return this.request('web command', 'POST', '/api/command', { user: name, text });
  }

  async messages(name: string): Promise<MessageView[]> {
    const answer = await this.request('web poll', 'GET', `/api/messages?user=${encodeURIComponent(name)}`);
    const messages = (answer.json as { messages?: MessageView[] } | null)?.messages ?? [];
    this.notice(messages);
    return messages;
  }

  /** Remembers the newest quiz question any poll showed. */
  private notice(messages: readonly MessageView[]): void {
    for (let i = messages.length - 1; i >= 0; i--) {
      const m = messages[i] as MessageView;
      if (m.onlyYou) continue;
      const actions = actionsIn(m.blocks, QUIZ_CHOICE);
      if (actions.length === 0) continue;
      if (this.channel.quiz?.messageId !== m.id) this.channel.quiz = { messageId: m.id, actions, seenAt: performance.now() };
      return;
    }
  }

  /** Posts a daily question and learns its number: this admin is the only one who posts here, one at a time. */
  async postDaily(admin: string): Promise<void> {
    await this.command(admin, 'daily now');
    for (const m of await this.messages(admin)) {
      const reveal = m.daily ? actionsIn(m.blocks, DAILY_REVEAL)[0] : undefined;
      if (reveal) this.channel.addPost(reveal.slice('daily:reveal:'.length), m.id);
    }
  }

  async person(name: string, first: boolean): Promise<void> {
    const { ctx } = this;
    if (first) {
      await this.command(name, `team join ${pick(ctx.random, TEAMS)}`);
      return;
    }
    const action = weighted(ctx.random, { poll: 25, read: 10, command: 20, react: 10, grade: 25, quiz: 8, team: 2 });
    switch (action) {
      case 'poll':
        await this.messages(name);
        return;
      case 'read':
        if (ctx.random() < 0.5) await this.request('web boards', 'GET', `/api/leaderboard?period=all&user=${encodeURIComponent(name)}`);
        else await this.request('web bank', 'GET', `/api/bank?q=${pick(ctx.random, SEARCH_WORDS)}&limit=20`);
        return;
      case 'command':
        await this.command(name, ctx.random() < 0.2 ? `bank search ${pick(ctx.random, SEARCH_WORDS)}` : pick(ctx.random, COMMANDS));
        return;
      case 'react': {
        const post = this.channel.latest();
        if (post) await this.request('web reaction', 'POST', '/api/reaction', { user: name, messageId: post.messageId, emoji: '👀' });
        return;
      }
      case 'grade':
        await this.grade(name);
        return;
      case 'quiz':
        await this.quiz(name);
        return;
      case 'team':
        await this.command(name, `team join ${pick(ctx.random, TEAMS)}`);
        return;
    }
  }

  /** As in the page: reveal the answer (if not yet), find one's own reveal under the post, press a grade on it. */
  private async grade(name: string): Promise<void> {
    const post = this.channel.latestGradable();
    if (!post) return;
    const userId = name;
    const ownReveal = (messages: MessageView[]) => messages.find((m) => m.parentId === post.messageId && m.onlyYou && actionsIn(m.blocks, /daily:grade:/).length > 0);
    let mine = ownReveal(await this.messages(name));
    if (!mine) {
      const revealed = await this.request('web action', 'POST', '/api/action', { user: name, messageId: post.messageId, action: `daily:reveal:${post.postId}` });
      if (!revealed.ok) return;
      mine = ownReveal(await this.messages(name));
    }
    if (!mine) return;
    const grade = pick(this.ctx.random, GRADES);
    const answer = await this.request('web grade', 'POST', '/api/action', { user: name, messageId: mine.id, action: `daily:grade:${post.postId}:${grade}` });
    this.ctx.ledger.press(WEB_WORKSPACE, post.postId, userId, answer.ok && GRADE_COUNTED.test(JSON.stringify(answer.json)));
  }

  private async quiz(name: string): Promise<void> {
    const quiz = this.channel.freshQuiz(performance.now());
    if (!quiz) {
      await this.command(name, 'quiz 3');
      await this.messages(name);
      return;
    }
    const action = pick(this.ctx.random, quiz.actions);
    const answer = await this.request('web quiz', 'POST', '/api/action', { user: name, messageId: quiz.messageId, action });
    const [, round, index] = action.split(':');
    this.ctx.ledger.press(WEB_WORKSPACE, `${round}:${index}`, name, answer.ok && QUIZ_COUNTED.test(JSON.stringify(answer.json)));
  }

  /** One person's bounded loop: act, pause, until the soak's end. */
  async run(name: string): Promise<void> {
    let first = true;
    while (performance.now() < this.ctx.until) {
      await this.person(name, first);
      first = false;
      await think(this.ctx);
    }
  }
}

function errorOf(json: unknown): string {
  const error = (json as { error?: unknown } | null)?.error;
  return typeof error === 'string' ? error.slice(0, 80) : '';
}
