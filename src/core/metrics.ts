import type { Platform } from './refs.js';
import type { Grade } from './scoring/grades.js';
import type { World } from './world.js';

/** The platform port's calls: a channel post, a thread reply, a private message, an edit. */
export type PortCall = 'post' | 'thread' | 'private' | 'update';

/**
 * How a daily answer was shown: to one person who reacted, pressed Reveal or typed `reveal`, or as the
 * one public answer in the thread under a post (thread and public-at modes).
 */
export type RevealVia = 'reaction' | 'button' | 'command' | 'thread';

/** What the engine was asked to handle: a slash command, a typed command, a button, a reaction. */
export type HandledKind = 'command' | 'text' | 'action' | 'reaction';

export type Outcome = 'ok' | 'error';

/**
 * What the core counts, in its own words. Adapters and main.ts choose the implementation (Prometheus in
 * production, nothing in tests); the core never learns which, so it stays free of any metrics library.
 * Every method must be cheap and must not throw: they run on the paths they measure.
 */
export interface Metrics {
  /** A message the bot sent, or tried to send, through the platform port. */
  sent(platform: Platform, call: PortCall, outcome: Outcome): void;
  revealed(platform: Platform, via: RevealVia): void;
  /** A grade that changed something: a first grade or a changed one, never a retry of the same. */
  graded(platform: Platform, kind: 'daily' | 'quiz', grade: Grade): void;
  /** A bug-level failure, wherever it surfaced (a handler, or background work such as a daily post). */
  failed(where: HandledKind | 'background'): void;
  handled(kind: HandledKind, platform: Platform, seconds: number, outcome: Outcome): void;
}

export const noopMetrics: Metrics = {
  sent() {},
  revealed() {},
  graded() {},
  failed() {},
  handled() {},
};

/** The world's metrics; worlds built without any (most tests) count nothing. */
export function metricsOf(world: Pick<World, 'metrics'>): Metrics {
  return world.metrics ?? noopMetrics;
}
