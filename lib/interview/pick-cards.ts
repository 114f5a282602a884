/**
 * Choosing cards for a timed mock interview: five cards, as many different topics as possible, in a
 * seeded order (the generator's Rng), so a mock can be replayed from its seed.
 */
import { Rng } from '@/lib/scenarios/random';

export interface PickableCard {
  id: string;
  topic: string;
}

export function pickMockCards<C extends PickableCard>(cards: readonly C[], count: number, seed: string): C[] {
  const pool = new Rng(seed).shuffle(cards);
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
