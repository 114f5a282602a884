/** @jest-environment node */
import { parseEnv } from '@/lib/env';
import { limitOf, RATE_LIMITS, retryAfterSeconds } from '@/lib/drills/rate-limit';

describe('abuse limits: configuration and windows', () => {
  const limits = (env: Record<string, string>) => Object.fromEntries(Object.entries(RATE_LIMITS).map(([k, rule]) => [k, limitOf(rule, parseEnv(env))]));

  it('uses the defaults without environment', () => {
    expect(limits({})).toEqual({ attemptsPerClient: 60, attemptsPerDrill: 300, lookupsPerClient: 600, unknownCodesPerClient: 20 });
  });

  it('takes a limit from its environment variable', () => {
    expect(limits({ DRILLS_ATTEMPTS_PER_CLIENT: '120' }).attemptsPerClient).toBe(120);
  });

  it.each(['0', '-5', '1.5', 'lots'])('refuses %p, naming the variable', (raw) => {
    expect(() => parseEnv({ DRILLS_UNKNOWN_CODES_PER_CLIENT: raw })).toThrow(/DRILLS_UNKNOWN_CODES_PER_CLIENT/);
  });

  it.each([
    ['2026-12-01T10:00:00.000Z', 60],
    ['2026-12-01T10:00:59.200Z', 1],
    ['2026-12-01T10:00:15.500Z', 45],
  ])('at %s a refusal says to retry after %i s (the window ends on the minute)', (now, seconds) => {
    expect(retryAfterSeconds(RATE_LIMITS.attemptsPerClient, new Date(now))).toBe(seconds);
  });
});
