import { z } from 'zod';

/** A variable that may be unset; blank values were already dropped (readConfig), spaces are trimmed. */
export const optionalText = z.string().trim().min(1).optional();

/** A whole number in a range, with its default. */
export const wholeNumber = (fallback: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(fallback);

/**
 * One platform's part of the configuration: the environment variables it reads, the checks across
 * them, and the settings its adapter starts from. Each adapter keeps its own in `settings.ts`; config.ts
 * joins them from the adapter list into the one schema Recall validates at start.
 */
export interface SettingsSpec<S> {
  /** Every variable the platform reads, with its rule. A name belongs to one platform only. */
  readonly env: z.ZodRawShape;
  /** Checks across variables; each issue names (path) the variable to fix. */
  check(env: Record<string, unknown>, ctx: z.RefinementCtx): void;
  /** The adapter's settings, or null when the environment leaves the platform off. */
  read(env: Record<string, unknown>): S;
  /** One safe word or two for the start-up log (never a secret). */
  describe(settings: NonNullable<S>): string;
}

/** Keeps the variables typed inside a platform's own spec while config.ts holds every spec alike. */
export function defineSettings<Shape extends z.ZodRawShape, S>(spec: {
  env: Shape;
  check?: (env: z.output<z.ZodObject<Shape>>, ctx: z.RefinementCtx) => void;
  read: (env: z.output<z.ZodObject<Shape>>) => S;
  describe: (settings: NonNullable<S>) => string;
}): SettingsSpec<S> {
  // config.ts validates the joined schema, which holds every variable of `env`, before these run.
  const typed = (env: Record<string, unknown>) => env as z.output<z.ZodObject<Shape>>;
  return {
    env: spec.env,
    check: (env, ctx) => spec.check?.(typed(env), ctx),
    read: (env) => spec.read(typed(env)),
    describe: spec.describe,
  };
}
