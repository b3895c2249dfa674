/**
 * The daily question: per-channel schedules, rotation, posting, reveal and the grade buttons under a
 * reveal. Being built (issue: the practice engine); the shape below is what commands and adapters use.
 */
export interface DailyService {}
