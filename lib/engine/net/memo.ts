/**
 * Memoises a pure function of a string. The cache is cleared once it holds more than `limit` entries, so
 * inputs without bound (addresses, rule names across many evaluations) cannot grow it without bound.
 */
export function memoizeString<V>(compute: (key: string) => V, limit = 100_000): (key: string) => V {
  const cache = new Map<string, V>();
  return (key) => {
    let v = cache.get(key);
    if (v === undefined) {
      v = compute(key);
      if (cache.size > limit) cache.clear();
      cache.set(key, v);
    }
    return v;
  };
}
