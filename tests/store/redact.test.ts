import { describe, expect, it } from 'vitest';
import { redactSecrets, redactUrl } from '../../src/store/redact.js';

describe('redactUrl', () => {
  it('hides the password but keeps user, host, port and database', () => {
    expect(redactUrl('redis://bot:s3cret@cache.internal:6380/2')).toBe('redis://bot:***@cache.internal:6380/2');
  });

  it('hides a password given without a user', () => {
    expect(redactUrl('rediss://:s3cret@cache:6379')).toBe('rediss://:***@cache:6379');
  });

  it('hides a lone userinfo, which Redis URLs often use as the password', () => {
    expect(redactUrl('redis://s3cret@cache')).toBe('redis://***@cache');
  });

  it('hides all of a password that contains an unencoded @ or /', () => {
    const shown = redactUrl('redis://:p@ss/w0rd@cache:6379');
    expect(shown).toBe('redis://:***@cache:6379');
  });

  it('hides secret-looking query parameters', () => {
    expect(redactUrl('redis://cache:6379?password=s3cret&db=1')).toBe('redis://cache:6379?password=***&db=1');
  });

  it('leaves a URL without secrets alone', () => {
    expect(redactUrl('redis://localhost:6379')).toBe('redis://localhost:6379');
  });
});

describe('redactSecrets', () => {
  it('scrubs the raw and the percent-decoded password from any text', () => {
    const url = 'redis://:p%40ss%2Fw0rd@cache:6379';
    const text = `failed for ${url}: auth with p@ss/w0rd rejected (raw p%40ss%2Fw0rd)`;
    const scrubbed = redactSecrets(text, url);
    expect(scrubbed).not.toContain('p@ss/w0rd');
    expect(scrubbed).not.toContain('p%40ss%2Fw0rd');
    expect(scrubbed).toContain('redis://:***@cache:6379');
  });
});
