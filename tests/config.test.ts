import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.js';

describe('configuration', () => {
  it('has defaults that run on a fresh machine', () => {
    expect(readConfig({})).toEqual({ ok: true, config: { questionsDir: 'questions', logLevel: 'info' } });
  });

  it('treats blank variables as unset', () => {
    expect(readConfig({ LOG_LEVEL: '  ' })).toMatchObject({ ok: true, config: { logLevel: 'info' } });
  });

  it('refuses a bad log level and says which variable is wrong', () => {
    const result = readConfig({ LOG_LEVEL: 'loud' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatch(/^LOG_LEVEL: /);
  });
});
