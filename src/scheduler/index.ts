export { describeSchedule, parseSchedule } from './schedule.js';
export type { CronSchedule, Schedule, ScheduleInput, ScheduleParseResult, TimeOfDaySchedule, Weekday } from './schedule.js';
export { nextRun, slotForKey, slotKey, slotsBetween } from './next-run.js';
export { createScheduleRunner } from './runner.js';
export type { ScheduleRunner, ScheduleRunnerOptions, SchedulerLogger, SlotHandler, SlotOutcome, TimerHandle, WakeTimer } from './runner.js';
export { createCronTimer } from './cron-timer.js';
