/**
 * A fixed-window counter per key (client address). In memory, so per server process: with several app
 * servers behind a balancer each enforces its own window — acceptable for a "too many attempts" brake.
 */
export interface RateLimiter {
  /** Counts one hit; false when the key is over its limit in the current window. */
  hit(key: string, now?: number): boolean;
}

export function createRateLimiter(o: { limit: number; windowMs: number; maxKeys?: number }): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  const maxKeys = o.maxKeys ?? 10_000;
  return {
    hit(key, now = Date.now()) {
      let w = windows.get(key);
      if (!w || now - w.start >= o.windowMs) {
        if (!w && windows.size >= maxKeys) {
          for (const [k, v] of windows) if (now - v.start >= o.windowMs) windows.delete(k);
          if (windows.size >= maxKeys) windows.delete(windows.keys().next().value as string);
        }
        w = { start: now, count: 0 };
        windows.set(key, w);
      }
      w.count++;
      return w.count <= o.limit;
    },
  };
}
