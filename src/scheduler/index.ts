export { describeSchedule, parseSchedule } from './schedule.js';
export type { CronSchedule, Schedule, ScheduleInput, ScheduleParseResult, TimeOfDaySchedule, Weekday } from './schedule.js';
export { nextRun, slotForKey, slotKey, slotsBetween } from './next-run.js';
export { createScheduleRunner } from './runner.js';
export type { ScheduleRunner, ScheduleRunnerOptions, SlotHandler, SlotOutcome } from './runner.js';
export type { Clock, Logger, TimerHandle, Timers, WakeTimer } from './ports.js';
export { createCronTimer } from './cron-timer.js';
export { zoneTypedAsDays } from './timezone.js';
