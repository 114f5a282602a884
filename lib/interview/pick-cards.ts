/**
 * Choosing cards for a timed mock interview: five cards, as many different topics as possible, in a
 * seeded order (pure-rand), so a mock can be replayed from its seed.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';

export interface PickableCard {
  id: string;
  topic: string;
}

function seedNumber(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i += 1) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h | 0;
}

export function pickMockCards<C extends PickableCard>(cards: readonly C[], count: number, seed: string): C[] {
  const rng = xoroshiro128plus(seedNumber(seed));
  const pool = [...cards];
  // Fisher–Yates shuffle, seeded.
  for (let i = pool.length - 1; i > 0; i -= 1) {
    const j = uniformInt(rng, 0, i);
    [pool[i], pool[j]] = [pool[j] as C, pool[i] as C];
  }
  const picked: C[] = [];
  const topics = new Set<string>();
  for (const c of pool) {
    if (picked.length < count && !topics.has(c.topic)) {
      picked.push(c);
      topics.add(c.topic);
    }
  }
  for (const c of pool) if (picked.length < count && !picked.includes(c)) picked.push(c);
  return picked;
}
