import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { App, type AppOptions, type ReceiverEvent, defaultBodyLimit } from '@slack/bolt';
import { InFlight } from '../../core/in-flight.js';
import type { Logger } from '../../log.js';
import { serving } from '../../metrics/handling.js';
import { describeError } from './describe-error.js';
import { redactSecrets } from './bolt-logger.js';
import { checkParsedBody, decodeSlackBody, isSslCheck } from './envelope.js';
import { child, field } from './payloads.js';
import { checkSignature } from './signature.js';

/** What the door needs to check a request: the secret, the time, and where to say why it refused. */
export interface IntakeCheck {
  path: string;
  signingSecret: string;
  /** Milliseconds since the epoch: the world's clock, so tests move it instead of sleeping. */
  now: () => number;
  logger: Logger;
}

/** A request's identity for the logs: never its body, its headers or anything secret. */
export interface RequestIdentity {
  method: string;
  path: string;
  type?: string;
  team?: string;
}

/**
 * The door Slack's requests come through. Over HTTP it checks each request before Bolt sees it: the
 * signature and a timestamp within five minutes either way (401), then the body's shape (400), so no
 * request Slack could not have sent reaches Bolt's parser. For a graceful stop every event is counted
 * from the moment it arrives until its handler (and the reply it sends) is done, and once closed nothing
 * new gets in: over HTTP a closed door answers 503 before reading the request; in Socket Mode an
 * envelope that arrives after closing is left unacked, so Slack sends it again (to the next process,
 * after a restart) rather than it being taken and dropped.
 */
export class SlackIntake {
  readonly inFlight = new InFlight();
  private readonly identities = new WeakMap<IncomingMessage, RequestIdentity>();
  private readonly handlingEvent = new AsyncLocalStorage<EventIdentity>();

  constructor(private readonly mode: 'http' | 'socket') {}

  /** HTTP requests are turned away at the door instead, so any that reached Bolt were let in before closing. */
  admits(): boolean {
    return this.mode === 'http' || this.inFlight.open;
  }

  /** The event whose listeners are running, for the log line of an error they did not catch. */
  currentEvent(): EventIdentity | undefined {
    return this.handlingEvent.getStore();
  }

  /** Runs Bolt's processing of one event: counted for a graceful stop, and known to the error log. */
  process<T>(body: unknown, run: () => Promise<T>): Promise<T> {
    const identity = eventIdentity(body);
    const label = `slack ${identity.type ?? 'event'}`;
    return serving.run(true, () => this.handlingEvent.run(identity, () => this.inFlight.run(label, run)));
  }

  /** Who a request was, as far as the door learned it; for Bolt's error handler. */
  identityOf(req: IncomingMessage): RequestIdentity {
    return this.identities.get(req) ?? { method: req.method ?? '?', path: pathOf(req) ?? '?' };
  }

  /**
   * Wraps the HTTP receiver's listener. Counting from arrival covers the moment before Bolt takes the
   * request (its body is still being read and its signature checked); the response ends only at ack,
   * which comes after Bolt has handed the event to processEvent, where the count continues.
   */
  guard(listener: RequestListener, check: IntakeCheck): RequestListener {
    return (req, res) => {
      if (!this.inFlight.open) {
        // Slack retries an event that got a 5xx; a person's command or click shows them an error instead.
        res.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '10', connection: 'close' }).end('Recall is stopping');
        req.resume();
        return;
      }
      const done = this.inFlight.begin('slack HTTP request');
      res.once('close', done);
      // Only POSTs to the events path carry a body Bolt parses (the install pages are GETs); the rest go
      // straight on, and Bolt answers them as before.
      if ((req.method ?? '').toUpperCase() !== 'POST' || pathOf(req) !== check.path) {
        listener(req, res);
        return;
      }
      serving.run(true, () => {
        this.admit(req, res, listener, check).catch((err: unknown) => this.failed(req, res, err, check.logger));
      });
    };
  }

  private async admit(req: IncomingMessage, res: ServerResponse, listener: RequestListener, check: IntakeCheck): Promise<void> {
    const identity: RequestIdentity = { method: 'POST', path: check.path };
    this.identities.set(req, identity);
    const raw = await readBody(req, defaultBodyLimit);
    if (raw === 'too large') return refuse(res, 413, 'The request body is too large.', identity, check.logger);
    if (raw === 'aborted') return;
    const text = raw.toString();
    const contentType = req.headers['content-type'];
    // Slack's SSL probe is the one request it does not sign; it is answered here and nothing else in it is read.
    if (isSslCheck(contentType, text)) {
      res.writeHead(200).end();
      return;
    }
    // The signature first: an unsigned body is not worth parsing.
    const signed = checkSignature(req.headers, text, check.signingSecret, check.now());
    if (!signed.ok) return refuse(res, 401, 'The request signature or timestamp is not valid.', { ...identity, reason: signed.reason }, check.logger);
    const decoded = decodeSlackBody(contentType, text);
    if (!decoded.ok) return refuse(res, 400, `Recall cannot read this request: ${decoded.reason}.`, { ...identity, reason: decoded.reason }, check.logger);
    const { envelope } = decoded;
    if (envelope.kind === 'ssl_check') return;
    Object.assign(identity, { type: envelope.kind === 'bolt' ? envelope.type : 'app_rate_limited', ...(envelope.team ? { team: envelope.team } : {}) });
    if (envelope.kind === 'rate_limited') {
      check.logger.warn(identity, 'Slack says Recall is over its event rate limit; events are being dropped');
      res.writeHead(200).end();
      return;
    }
    // Bolt reads the body it is given rather than the stream, which this door has already consumed.
    Object.assign(req, { rawBody: raw });
    listener(req, res);
  }

  /** An error no handler caught: logged as a bug with the request's identity, answered 500, and the process carries on. */
  private failed(req: IncomingMessage, res: ServerResponse, err: unknown, logger: Logger): void {
    logger.error({ err: safeError(err), ...this.identityOf(req) }, 'a Slack request failed; answered 500');
    if (res.headersSent) res.destroy();
    else res.writeHead(500, { 'content-type': 'text/plain' }).end('Recall could not handle this request; it has been logged.');
  }
}

/** An error for the log: its type, code and message with any token masked; never the body it came with. */
export function safeError(err: unknown): Record<string, unknown> {
  const described = describeError(err);
  return { ...described, message: redactSecrets(String(described['message'] ?? '')) };
}

function refuse(res: ServerResponse, status: number, message: string, fields: RequestIdentity & { reason?: string }, logger: Logger): void {
  logger.warn({ ...fields, status }, 'refused a Slack request');
  res.writeHead(status, { 'content-type': 'text/plain', ...(status === 413 ? { connection: 'close' } : {}) }).end(message);
}

/** The path as Bolt routes it (the same URL parse), or null for an address it cannot read. */
function pathOf(req: IncomingMessage): string | null {
  try {
    return new URL(req.url ?? '/', 'http://localhost').pathname;
  } catch {
    return null;
  }
}

/** The whole body, or why not: past the limit the rest is not read; a client that hangs up ends it. */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too large' | 'aborted'> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return 'too large';
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      const buf = chunk as Buffer;
      size += buf.length;
      if (size > limit) return 'too large';
      chunks.push(buf);
    }
  } catch {
    return 'aborted';
  }
  return Buffer.concat(chunks);
}

/** Bolt's App, with every event passing SlackIntake's door and counted until its listeners are done. */
export class IntakeApp extends App {
  constructor(
    options: AppOptions,
    private readonly intake: SlackIntake,
    private readonly mode: 'http' | 'socket',
  ) {
    super(options);
  }

  override async processEvent(event: ReceiverEvent): Promise<void> {
    if (!this.intake.admits()) return;
    // Over HTTP the door has checked the body already; a Socket Mode envelope is checked here.
    const checked = this.mode === 'socket' ? checkParsedBody(event.body) : null;
    if (checked && !checked.ok) {
      this.logger.warn(`refused a Slack Socket Mode envelope: ${checked.reason}`);
      // Acked, so Slack does not send it again; nothing in it runs.
      await event.ack();
      return;
    }
    await this.intake.process(event.body, () => super.processEvent(event));
  }
}

/** An event's kind and workspace: `block_actions`, `reaction_added`, `/recall`; never who or what it says. */
export interface EventIdentity {
  type?: string;
  team?: string;
}

function eventIdentity(body: unknown): EventIdentity {
  const type = field(body, 'command') ?? field(child(body, 'event'), 'type') ?? field(body, 'type');
  const team = field(body, 'team_id') ?? field(child(body, 'team'), 'id') ?? field(child(body, 'user'), 'team_id');
  return { ...(type ? { type } : {}), ...(team ? { team } : {}) };
}
