import { createRateLimiter } from '@/lib/drills/rate-limit';

describe('createRateLimiter', () => {
  it('allows `limit` hits per window, then refuses until the window ends', () => {
    const rl = createRateLimiter({ limit: 3, windowMs: 1000 });
    expect([0, 10, 20, 30].map((t) => rl.hit('a', t))).toEqual([true, true, true, false]);
    expect(rl.hit('a', 999)).toBe(false);
    expect(rl.hit('a', 1000)).toBe(true);
  });

  it('counts each address separately', () => {
    const rl = createRateLimiter({ limit: 1, windowMs: 1000 });
    expect(rl.hit('a', 0)).toBe(true);
    expect(rl.hit('b', 0)).toBe(true);
    expect(rl.hit('a', 1)).toBe(false);
  });

  it('forgets old addresses instead of growing without bound', () => {
    const rl = createRateLimiter({ limit: 1, windowMs: 10, maxKeys: 2 });
    rl.hit('a', 0);
    rl.hit('b', 0);
    rl.hit('c', 50); // a and b have expired and are dropped
    expect(rl.hit('a', 51)).toBe(true);
  });
});
