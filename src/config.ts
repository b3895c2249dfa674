import { z } from 'zod';
import { ADAPTERS } from './adapters/list.js';
import { type SettingsSpec, wholeNumber } from './adapters/settings.js';
import type { AdapterEntry } from './adapters/types.js';
import { type EngineConfig, defaultEngineConfig } from './core/engine-config.js';
import { parseTimezone } from './scheduler/timezone.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * The settings Recall itself reads from the environment; each platform's own (tokens, its port) are in
 * its adapter's `settings.ts` and joined here from the adapter list. Validated once at start; nothing
 * else reads process.env. Secrets live here only and are never logged.
 */
const CORE_ENV = {
  QUESTIONS_DIR: z.string().min(1).default('questions'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  STORE_URL: z.string().min(1).default('./data/recall.sqlite'),
  DEFAULT_TIMEZONE: z
    .string()
    .default('UTC')
    .transform((tz, ctx) => {
      const parsed = parseTimezone(tz);
      if (parsed.ok) return parsed.value;
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }),
  REVEAL_EMOJI: z.string().default('eyes'),
  POINTS: z
    .string()
    .regex(/^\d+,\d+,\d+(,\d+)?$/, 'three whole numbers for got it, partly and missed, like 3,1,0, and optionally a fourth for taking part in a discussion question (default 1)')
    .default('3,1,0,1'),
  PRACTICE_POINTS: z.enum(['on', 'off']).default('off'),
  GRADE_WINDOW_HOURS: wholeNumber(24, 1, 24 * 14),
  CATCH_UP_GRACE_MINUTES: wholeNumber(120, 0, 24 * 60),
  SLOT_LEASE_SECONDS: wholeNumber(120, 1, 3600),
  SCHEDULE_CHECK_SECONDS: wholeNumber(60, 1, 60).refine((s) => 60 % s === 0, 'must divide a minute evenly (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 or 60)'),
};

/**
 * Recall's variables and every platform's, as one schema: each platform's cross-variable checks run
 * after the variables themselves are valid. A variable claimed twice is a programming error, refused
 * when the module loads rather than letting one platform's rule silently replace another's.
 */
export function joinSettings(core: z.ZodRawShape, platforms: readonly { name: string; settings: SettingsSpec<unknown> }[]) {
  const shape: Record<string, z.core.$ZodType> = { ...core };
  const owner = new Map<string, string>(Object.keys(core).map((k) => [k, 'core']));
  for (const p of platforms) {
    for (const [name, rule] of Object.entries(p.settings.env)) {
      const taken = owner.get(name);
      if (taken) throw new Error(`${name} is claimed by both ${taken} and ${p.name} settings`);
      owner.set(name, p.name);
      shape[name] = rule;
    }
  }
  return z.object(shape).superRefine((env, ctx) => {
    for (const p of platforms) p.settings.check(env, ctx);
  });
}

const EnvSchema = joinSettings(CORE_ENV, ADAPTERS);

/** Each platform's settings under its name: null when the environment leaves it off (the page never is). */
export type PlatformSettings = {
  [E in (typeof ADAPTERS)[number] as E['name']]: ReturnType<E['settings']['read']>;
};

export interface CoreConfig {
  questionsDir: string;
  logLevel: (typeof LOG_LEVELS)[number];
  storeUrl: string;
  engine: EngineConfig;
}

export type Config = CoreConfig & PlatformSettings;

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

export function readConfig(env: Record<string, string | undefined>): ConfigResult {
  const blankAsUnset = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = EnvSchema.safeParse(blankAsUnset);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  }
  // The joined schema's type is a plain record; the core part is read through its own schema's type.
  const all: Record<string, unknown> = parsed.data;
  const e = all as z.output<z.ZodObject<typeof CORE_ENV>>;
  const [got, partly, missed, discussed = defaultEngineConfig.points.discussed] = e.POINTS.split(',').map(Number) as [number, number, number, number?];
  const platforms = Object.fromEntries(ADAPTERS.map((a) => [a.name, a.settings.read(all)])) as PlatformSettings;
  return {
    ok: true,
    config: {
      questionsDir: e.QUESTIONS_DIR,
      logLevel: e.LOG_LEVEL,
      storeUrl: e.STORE_URL,
      engine: {
        ...defaultEngineConfig,
        points: { got, partly, missed, discussed },
        gradeWindowMs: e.GRADE_WINDOW_HOURS * 3_600_000,
        catchUpGraceMs: e.CATCH_UP_GRACE_MINUTES * 60_000,
        slotLeaseMs: e.SLOT_LEASE_SECONDS * 1000,
        scheduleCheckMs: e.SCHEDULE_CHECK_SECONDS * 1000,
        defaultTimezone: e.DEFAULT_TIMEZONE,
        practicePoints: e.PRACTICE_POINTS === 'on',
        revealReactions: e.REVEAL_EMOJI.split(',')
          .map((r) => r.trim().replace(/^:|:$/g, ''))
          .filter(Boolean),
      },
      ...platforms,
    },
  };
}

/** What is safe to log about the configuration: which platforms are on (each says how), never a secret. */
export function describeConfig(config: Config): Record<string, unknown> {
  const entries: readonly AdapterEntry[] = ADAPTERS;
  const platforms = Object.fromEntries(
    entries.map((a) => {
      const settings = (config as unknown as Record<string, unknown>)[a.name];
      return [a.name, settings === null || settings === undefined ? 'off' : a.settings.describe(settings)];
    }),
  );
  return {
    questionsDir: config.questionsDir,
    store: config.storeUrl.replace(/\/\/[^@/]*@/, '//***@'),
    ...platforms,
    timezone: config.engine.defaultTimezone,
  };
}
