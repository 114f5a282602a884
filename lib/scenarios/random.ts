/**
 * Seeded randomness over pure-rand (xoroshiro128+). The seed string is hashed with FNV-1a (32 bit), so
 * the same seed gives the same sequence in every JS runtime. `Rng` is mutable: one per question, and
 * `fork(label)` derives an independent stream so adding a draw in one place does not shift another.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** FNV-1a over UTF-16 code units, as an unsigned 32-bit integer. */
export function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export class Rng {
  private readonly gen: RandomGenerator;
  constructor(readonly seed: string) {
    this.gen = xoroshiro128plus(hashSeed(seed) | 0);
  }
  /** Integer in [from, to], both included. */
  int(from: number, to: number): number {
    return uniformInt(this.gen, from, to);
  }
  /** true with probability p (p in [0,1], resolution 1/1000). */
  chance(p: number): boolean {
    return this.int(0, 999) < Math.round(p * 1000);
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(0, items.length - 1)] as T;
  }
  /** A new array in a random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const a = [...items];
    for (let i = a.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [a[i], a[j]] = [a[j] as T, a[i] as T];
    }
    return a;
  }
  /** k distinct items. */
  sample<T>(items: readonly T[], k: number): T[] {
    return this.shuffle(items).slice(0, k);
  }
  /** An independent stream derived from this seed and a label. */
  fork(label: string): Rng {
    return new Rng(`${this.seed}/${label}`);
  }
}

const SEED_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** The one seed maker: a fresh, short, URL-safe seed from the platform's crypto RNG (a new cluster every time). */
export function randomSeed(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => SEED_ALPHABET[b % SEED_ALPHABET.length]).join('');
}
