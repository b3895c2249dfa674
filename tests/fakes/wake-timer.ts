import type { TimerHandle, WakeTimer } from '../../src/scheduler/ports.js';

/** A timer that only wakes its subscribers when the test says so. */
export class FakeTimer implements WakeTimer {
  private readonly subscribers = new Set<() => Promise<void>>();
  readonly requestedIntervals: number[] = [];

  every(intervalMs: number, wake: () => Promise<void>): TimerHandle {
    this.requestedIntervals.push(intervalMs);
    // Wrapped so the same function subscribed twice still counts twice.
    const subscriber = (): Promise<void> => wake();
    this.subscribers.add(subscriber);
    return { cancel: () => this.subscribers.delete(subscriber) };
  }

  /** Wakes everyone and resolves once their passes are done. */
  async fire(): Promise<void> {
    await Promise.all([...this.subscribers].map((wake) => wake()));
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }
}
