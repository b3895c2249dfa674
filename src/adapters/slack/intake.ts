import type { RequestListener } from 'node:http';
import { App, type AppOptions, type ReceiverEvent } from '@slack/bolt';
import { InFlight } from '../../core/in-flight.js';
import { child, field } from './payloads.js';

/**
 * The door Slack's requests come through, for a graceful stop: every event is counted from the moment
 * it arrives until its handler (and the reply it sends) is done, and once closed nothing new gets in.
 * Over HTTP a closed door answers 503 before reading the request; in Socket Mode an envelope that
 * arrives after closing is left unacked, so Slack sends it again (to the next process, after a
 * restart) rather than it being taken and dropped.
 */
export class SlackIntake {
  readonly inFlight = new InFlight();

  constructor(private readonly mode: 'http' | 'socket') {}

  /** HTTP requests are turned away at the door instead, so any that reached Bolt were let in before closing. */
  admits(): boolean {
    return this.mode === 'http' || this.inFlight.open;
  }

  /**
   * Wraps the HTTP receiver's listener. Counting from arrival covers the moment before Bolt takes the
   * request (its body is still being read and its signature checked); the response ends only at ack,
   * which comes after Bolt has handed the event to processEvent, where the count continues.
   */
  guard(listener: RequestListener): RequestListener {
    return (req, res) => {
      if (!this.inFlight.open) {
        // Slack retries an event that got a 5xx; a person's command or click shows them an error instead.
        res.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '10', connection: 'close' }).end('Recall is stopping');
        req.resume();
        return;
      }
      const done = this.inFlight.begin('slack HTTP request');
      res.once('close', done);
      listener(req, res);
    };
  }
}

/** Bolt's App, with every event passing SlackIntake's door and counted until its listeners are done. */
export class IntakeApp extends App {
  constructor(
    options: AppOptions,
    private readonly intake: SlackIntake,
  ) {
    super(options);
  }

  override async processEvent(event: ReceiverEvent): Promise<void> {
    if (!this.intake.admits()) return;
    await this.intake.inFlight.run(describeEvent(event.body), () => super.processEvent(event));
  }
}

/** `slack block_actions`, `slack reaction_added`, `slack /recall`: what kind of work is in flight, never who or what it says. */
function describeEvent(body: unknown): string {
  const kind = field(body, 'command') ?? field(child(body, 'event'), 'type') ?? field(body, 'type') ?? 'event';
  return `slack ${kind}`;
}
