/** @jest-environment node */
import { EnvError, parseEnv } from '@/lib/env';

describe('parseEnv', () => {
  it('fills the defaults when nothing is set', () => {
    expect(parseEnv({})).toEqual({
      DATABASE_POOL_SIZE: 10,
      DATABASE_CONNECT_TIMEOUT_MS: 5_000,
      DATABASE_STATEMENT_TIMEOUT_MS: 10_000,
      DRILLS_ATTEMPTS_PER_CLIENT: 60,
      DRILLS_ATTEMPTS_PER_DRILL: 300,
      DRILLS_LOOKUPS_PER_CLIENT: 600,
      DRILLS_UNKNOWN_CODES_PER_CLIENT: 20,
    });
  });

  it('keeps only the origin of PUBLIC_URL', () => {
    expect(parseEnv({ PUBLIC_URL: 'https://drills.example.org/some/path?q=1' }).PUBLIC_URL).toBe('https://drills.example.org');
  });

  it.each(['javascript://evil.example/%0aalert(1)', 'ftp://example.org', 'not a url'])('refuses PUBLIC_URL=%s', (value) => {
    expect(() => parseEnv({ PUBLIC_URL: value })).toThrow(/PUBLIC_URL: must be an http/);
  });

  it('names every invalid variable at once', () => {
    let error: unknown;
    try {
      parseEnv({ DATABASE_POOL_SIZE: 'many', DATABASE_CONNECT_TIMEOUT_MS: '0', PUBLIC_URL: 'x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as Error).message;
    for (const name of ['DATABASE_POOL_SIZE', 'DATABASE_CONNECT_TIMEOUT_MS', 'PUBLIC_URL']) expect(message).toContain(name);
  });
});
