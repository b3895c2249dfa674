import { schedule as scheduleCronTask } from 'node-cron';
import type { TimerHandle, WakeTimer } from './ports.js';

/**
 * The production WakeTimer: ONE node-cron task per runner that fires at second 0 of
 * every minute, not one cron task per channel schedule with node-cron's `timezone`.
 *
 * - node-cron skips wall times that fall in a DST gap (its next-match for `30 2 * * *`
 *   in Europe/Berlin jumps from 2026-03-28 straight to 2026-03-30), and we promise the
 *   02:30 post still goes out that morning. Our next-run maths owns DST instead.
 * - A wake that re-reads the clock heals laptop sleep, clock jumps and event-loop stalls
 *   exactly like a restart does; a long timer armed for a far-off slot would not.
 * - Adding or removing a channel is a map edit, not a task lifecycle, and the process
 *   holds one timer no matter how many channels it serves.
 *
 * Cron rather than setInterval so wakes land on the minute boundary, where slots are,
 * instead of up to a minute late wherever the interval happened to start.
 */
export function createCronTimer(): WakeTimer {
  return {
    every(intervalMs, wake): TimerHandle {
      const task = scheduleCronTask(
        cronLineForInterval(intervalMs),
        () => {
          void wake();
        },
        // The runner does its own catch-up, so node-cron's "missed execution" warning would be a false alarm.
        { name: 'recall-schedule-wake', suppressMissedWarning: true },
      );
      return {
        cancel: () => {
          void task.destroy();
        },
      };
    },
  };
}

/** Only intervals that divide a minute or an hour evenly map onto cron; anything else is a wiring mistake. */
export function cronLineForInterval(intervalMs: number): string {
  const minutes = intervalMs / 60_000;
  if (Number.isInteger(minutes) && minutes >= 1 && 60 % minutes === 0) {
    return minutes === 1 ? '* * * * *' : `*/${minutes} * * * *`;
  }
  const seconds = intervalMs / 1000;
  if (Number.isInteger(seconds) && seconds >= 1 && 60 % seconds === 0) {
    return seconds === 1 ? '* * * * * *' : `*/${seconds} * * * * *`;
  }
  throw new RangeError(`cannot wake every ${intervalMs} ms with cron: use whole seconds or minutes that divide 60`);
}
