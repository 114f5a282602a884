/**
 * Issue 12 item 14, second derivation: for ~300 seeds per kind (100 per difficulty) the key each q1 kind
 * builds from the engine (keyOf) equals the oracle's, which is written from the rules without lib/engine.
 * The 10,000-seed run is in `npm run bench` (tests/bench/practice.bench.ts).
 */
import { agreement, KEYED_KINDS } from './index';

describe.each(KEYED_KINDS.map((k) => [k.kind, k] as const))('oracle agrees with keyOf for %s', (_kind, k) => {
  it('on 300 seeds over the three difficulties', () => {
    const { agree, disagree } = agreement(k, 300, 'jest-oracle');
    expect(disagree).toEqual([]);
    expect(agree).toBe(300);
  });
});
