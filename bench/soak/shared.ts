import { seededRandom } from '../../src/core/random.js';
import type { GradeLedger } from './ledger.js';
import type { Meter } from './meter.js';

/** A daily post as the soak saw it appear: `seq` is its number in the channel, counted in order of appearance. */
export interface SeenPost {
  postId: string;
  seq: number;
  /** The web message id or the Slack message ts. */
  messageId: string;
}

/** The newest quiz question seen in a channel, with its choice buttons' actions. */
export interface SeenQuiz {
  messageId: string;
  actions: string[];
  seenAt: number;
}

export class ChannelState {
  readonly posts: SeenPost[] = [];
  quiz: SeenQuiz | undefined;

  addPost(postId: string, messageId: string): void {
    if (this.posts.some((p) => p.postId === postId)) return;
    this.posts.push({ postId, messageId, seq: this.posts.length + 1 });
    // Only the newest few are ever pressed; the rest need not be kept.
    if (this.posts.length > 50) this.posts.splice(0, this.posts.length - 50);
  }

  latest(): SeenPost | undefined {
    return this.posts.at(-1);
  }

  /**
   * The newest odd-numbered post. No one grades two consecutive posts, so no streak reaches the bonus,
   * which lives on the boards alone: the end check can then demand boards = grade records exactly.
   */
  latestGradable(): SeenPost | undefined {
    return this.posts.findLast((p) => p.seq % 2 === 1);
  }

  freshQuiz(now: number): SeenQuiz | undefined {
    return this.quiz && now - this.quiz.seenAt < 25_000 ? this.quiz : undefined;
  }
}

export interface SoakContext {
  meter: Meter;
  ledger: GradeLedger;
  random: () => number;
  /** performance.now() at which every loop stops starting new work. */
  until: number;
  /** Mean pause between one person's actions. */
  thinkMs: number;
}

export const TEAMS = ['Red', 'Blue', 'Green', 'Gold'] as const;
export const GRADES = ['got', 'partly', 'missed'] as const;
export const SEARCH_WORDS = ['tcp', 'cache', 'index', 'thread', 'http', 'memory', 'lock', 'queue'];
/** What a person types, besides grading and quizzes. */
export const COMMANDS = ['leaderboard', 'leaderboard teams all', 'leaderboard people month', 'stats', 'help', 'daily status', 'team list', 'bank stats', 'season status'];

export const REQUEST_TIMEOUT_MS = 30_000;

/** The same run of choices for the same seed (the core's mulberry32). */
export function seeded(seed: number): () => number {
  const random = seededRandom(seed);
  return () => random.next();
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** One of the keys of `weights`, in proportion to its weight. */
export function weighted<K extends string>(random: () => number, weights: Record<K, number>): K {
  const entries = Object.entries(weights) as [K, number][];
  let roll = random() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [key, w] of entries) {
    roll -= w;
    if (roll < 0) return key;
  }
  return (entries.at(-1) as [K, number])[0];
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A person's pause: uniform between a third of the mean and five thirds of it. */
export function think(ctx: SoakContext): Promise<void> {
  return sleep(ctx.thinkMs * (1 / 3 + (4 / 3) * ctx.random()));
}

export function describeError(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}${err.cause instanceof Error ? ` (${err.cause.message})` : ''}`;
  return String(err);
}

/** `daily:grade:<postId>:` etc. found anywhere in a JSON answer, whatever its block layout. */
export function actionsIn(json: unknown, pattern: RegExp): string[] {
  return [...JSON.stringify(json ?? null).matchAll(new RegExp(pattern.source, 'g'))].map((m) => m[0]);
}

export const GRADE_COUNTED = /Recorded: |Changed from |Already recorded/;
export const QUIZ_COUNTED = /Right! \+|Not quite/;
