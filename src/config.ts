import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Every setting Recall reads from the environment, validated once at start. Later issues add the
 * platform tokens and store settings here; nothing else reads process.env.
 */
const ConfigSchema = z.object({
  QUESTIONS_DIR: z.string().min(1).default('questions'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
});

export type Config = {
  questionsDir: string;
  logLevel: (typeof LOG_LEVELS)[number];
};

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

export function readConfig(env: Record<string, string | undefined>): ConfigResult {
  const blankAsUnset = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = ConfigSchema.safeParse(blankAsUnset);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    };
  }
  return { ok: true, config: { questionsDir: parsed.data.QUESTIONS_DIR, logLevel: parsed.data.LOG_LEVEL } };
}
